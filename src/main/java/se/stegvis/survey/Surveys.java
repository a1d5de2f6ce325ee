package se.stegvis.survey;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import se.stegvis.form.FormValues;

/**
 * Reads a survey's answers from a form by the configured questions, so a customer can change
 * the questions (table {@code survey_question} and the form) without code. Answers are optional.
 */
@Service
public class Surveys {

  private final SurveyQuestionRepository questions;
  private final SurveyAnswerRepository answers;

  Surveys(SurveyQuestionRepository questions, SurveyAnswerRepository answers) {
    this.questions = questions;
    this.answers = answers;
  }

  /** Validates the answers; call {@link #save} once the whole form is valid. */
  public Map<String, Integer> read(Survey survey, FormValues values) {
    Map<String, Integer> read = new HashMap<>();
    for (SurveyQuestion question : questions.findBySurveyOrderBySortOrder(survey)) {
      Integer answer = values.number(question.getQuestion(), question.getText(), 1, 5, false);
      if (answer != null) {
        read.put(question.getQuestion(), answer);
      }
    }
    return read;
  }

  public void save(Long caseId, Survey survey, Map<String, Integer> read) {
    read.forEach((question, answer) -> answers.save(new SurveyAnswer(caseId, survey, question, answer)));
  }
}
