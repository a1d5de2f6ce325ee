package se.stegvis.placement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An employer that takes participants on placement, known by its organisation number. */
@Entity
public class Employer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_number")
  private String organisationNumber;

  private String name;

  /** EMPLOYER_KIND code: MUNICIPAL, REGION, STATE, PRIVATE, NONPROFIT. */
  private String kind;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Employer() {
  }

  Employer(OrganisationNumber number, String name, String kind, Instant createdAt) {
    this.organisationNumber = number.value();
    this.name = name;
    this.kind = kind;
    this.createdAt = createdAt;
  }

  /** The employer changed its name or the kind was wrongly recorded: the registry keeps the latest. */
  void rename(String name, String kind) {
    this.name = name;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public String getOrganisationNumber() {
    return organisationNumber;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }
}
