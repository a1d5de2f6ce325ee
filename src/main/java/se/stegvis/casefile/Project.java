package se.stegvis.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An insats: an individual-level (participants) or structural joint effort of the association. */
@Entity
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;

  @Column(name = "individual_level")
  private boolean individualLevel;

  @Column(name = "planned_participants_per_year")
  private Integer plannedParticipantsPerYear;

  /** The Camunda group of the project's managers: they are told of missed deadlines. */
  @Column(name = "manager_group")
  private String managerGroup;

  private boolean active;

  protected Project() {
  }

  public Project(String code, String name, Integer plannedParticipantsPerYear, String managerGroup) {
    this.code = code;
    this.name = name;
    this.individualLevel = true;
    this.plannedParticipantsPerYear = plannedParticipantsPerYear;
    this.managerGroup = managerGroup;
    this.active = true;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public boolean isIndividualLevel() {
    return individualLevel;
  }

  public Integer getPlannedParticipantsPerYear() {
    return plannedParticipantsPerYear;
  }

  public String getManagerGroup() {
    return managerGroup;
  }

  public boolean isActive() {
    return active;
  }
}
