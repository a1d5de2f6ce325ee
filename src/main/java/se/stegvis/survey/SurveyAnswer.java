package se.stegvis.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "survey_answer")
public class SurveyAnswer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  @Enumerated(EnumType.STRING)
  private Survey survey;

  private String question;

  /** 1 (instämmer inte alls) to 5 (instämmer helt). */
  private int answer;

  protected SurveyAnswer() {
  }

  SurveyAnswer(Long caseId, Survey survey, String question, int answer) {
    this.caseId = caseId;
    this.survey = survey;
    this.question = question;
    this.answer = answer;
  }

  public Long getCaseId() {
    return caseId;
  }

  public Survey getSurvey() {
    return survey;
  }

  public String getQuestion() {
    return question;
  }

  public int getAnswer() {
    return answer;
  }
}
