package se.stegvis.placement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * A workplace of an employer where participants do placements: where it is, its sector, whom to
 * call, the supervisor (handledare) on site, whether it has had the introduction for placement
 * hosts, and how many participants it can take at once.
 */
@Entity
public class Workplace {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "employer_id")
  private Employer employer;

  private String name;

  @Column(name = "street_address")
  private String streetAddress;

  @Column(name = "postal_code")
  private String postalCode;

  /** The locality (ort) or municipality, as coordinators and participants name it. */
  private String area;

  /** SECTOR code. */
  private String sector;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "supervisor_name")
  private String supervisorName;

  @Column(name = "supervisor_phone")
  private String supervisorPhone;

  @Column(name = "introduced_on")
  private LocalDate introducedOn;

  private int capacity;

  private boolean active;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Version
  private long version;

  protected Workplace() {
  }

  Workplace(Employer employer, WorkplaceDetails details, String userId, Instant now) {
    this.employer = employer;
    this.active = true;
    change(employer, details, userId, now);
  }

  void change(Employer employer, WorkplaceDetails d, String userId, Instant now) {
    this.employer = employer;
    this.name = d.name();
    this.streetAddress = d.streetAddress();
    this.postalCode = d.postalCode();
    this.area = d.area();
    this.sector = d.sector();
    this.contactName = d.contactName();
    this.contactPhone = d.contactPhone();
    this.contactEmail = d.contactEmail();
    this.supervisorName = d.supervisorName();
    this.supervisorPhone = d.supervisorPhone();
    this.introducedOn = d.introducedOn();
    this.capacity = d.capacity();
    this.active = d.active();
    this.updatedBy = userId;
    this.updatedAt = now;
  }

  /** The introduction for placement hosts, given at the first visit if not before. */
  void introduced(LocalDate on) {
    if (introducedOn == null) {
      introducedOn = on;
    }
  }

  public boolean isIntroduced() {
    return introducedOn != null;
  }

  public Long getId() {
    return id;
  }

  public Employer getEmployer() {
    return employer;
  }

  public String getName() {
    return name;
  }

  public String getStreetAddress() {
    return streetAddress;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getArea() {
    return area;
  }

  public String getSector() {
    return sector;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getSupervisorName() {
    return supervisorName;
  }

  public String getSupervisorPhone() {
    return supervisorPhone;
  }

  public LocalDate getIntroducedOn() {
    return introducedOn;
  }

  public int getCapacity() {
    return capacity;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }
}
