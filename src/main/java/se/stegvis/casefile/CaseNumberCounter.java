package se.stegvis.casefile;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "case_number_counter")
@IdClass(CaseNumberCounter.Key.class)
class CaseNumberCounter {

  record Key(Long projectId, Integer year) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "project_id")
  private Long projectId;

  @Id
  @Column(name = "counter_year")
  private Integer year;

  @Column(name = "last_value")
  private int lastValue;

  protected CaseNumberCounter() {
  }

  CaseNumberCounter(Long projectId, Integer year) {
    this.projectId = projectId;
    this.year = year;
  }

  int next() {
    return ++lastValue;
  }
}
