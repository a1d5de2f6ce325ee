package se.stegvis.casefile;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An effect goal of a project, e.g. "80 participants per year" or "70 % to placement, work or
 * studies": a metric with a target, compared with the actual figure in the reports.
 */
@Entity
@Table(name = "project_goal")
public class ProjectGoal {

  /** What a goal measures; the reports compute each from the cases. */
  public enum Metric {
    PARTICIPANTS_PER_YEAR,
    SHARE_TO_WORK_STUDIES_OR_PLACEMENT,
    SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  private String description;

  @Column(name = "metric")
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Metric metric;

  private BigDecimal target;

  protected ProjectGoal() {
  }

  public ProjectGoal(Project project, String description, Metric metric, BigDecimal target) {
    this.project = project;
    this.description = description;
    this.metric = metric;
    this.target = target;
  }

  public Project getProject() {
    return project;
  }

  public String getDescription() {
    return description;
  }

  public Metric getMetric() {
    return metric;
  }

  public BigDecimal getTarget() {
    return target;
  }
}
