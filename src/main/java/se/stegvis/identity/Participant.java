package se.stegvis.identity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The person a case concerns. Gender is recorded as stated, never derived from the number. */
@Entity
public class Participant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "identity_number")
  private String identityNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "identity_kind")
  private IdentityNumber.Kind identityKind;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  private String gender;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  private String phone;
  private String email;

  /** The name folded for search ({@link SearchNames}), kept in step with the name. */
  @Column(name = "search_name")
  private String searchName;

  @Column(name = "protected_identity")
  private boolean protectedIdentity;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Participant() {
  }

  public Participant(IdentityNumber number, Instant createdAt) {
    this.identityNumber = number.value();
    this.identityKind = number.kind();
    this.birthDate = number.birthDate();
    this.createdAt = createdAt;
  }

  public void describe(String firstName, String lastName, String gender, String phone, String email) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.gender = gender;
    this.phone = phone;
    this.email = email;
    this.searchName = SearchNames.normalise((firstName == null ? "" : firstName) + " " + lastName);
  }

  /** Skyddade personuppgifter: set by staff, and only they (coach or manager) can lift it. */
  public void protectIdentity(boolean protectedIdentity) {
    this.protectedIdentity = protectedIdentity;
  }

  /** First and last name as shown to staff. */
  public String fullName() {
    return fullName(firstName, lastName);
  }

  /** First and last name as shown to staff, for lists that read the two without the participant. */
  public static String fullName(String firstName, String lastName) {
    return ((firstName == null ? "" : firstName + " ") + lastName).strip();
  }

  public Long getId() {
    return id;
  }

  public String getIdentityNumber() {
    return identityNumber;
  }

  public IdentityNumber.Kind getIdentityKind() {
    return identityKind;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getGender() {
    return gender;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public boolean isProtectedIdentity() {
    return protectedIdentity;
  }
}
