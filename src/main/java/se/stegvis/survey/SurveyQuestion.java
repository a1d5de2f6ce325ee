package se.stegvis.survey;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A question of the association's own survey; the form field key is the question id. */
@Entity
@Table(name = "survey_question")
@IdClass(SurveyQuestion.Key.class)
public class SurveyQuestion {

  public record Key(Survey survey, String question) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  private Survey survey;

  @Id
  private String question;

  private String text;

  @Column(name = "sort_order")
  private int sortOrder;

  protected SurveyQuestion() {
  }

  public Survey getSurvey() {
    return survey;
  }

  public String getQuestion() {
    return question;
  }

  public String getText() {
    return text;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
