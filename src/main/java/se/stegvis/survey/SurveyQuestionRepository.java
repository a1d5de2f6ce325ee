package se.stegvis.survey;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyQuestionRepository extends JpaRepository<SurveyQuestion, SurveyQuestion.Key> {
  List<SurveyQuestion> findBySurveyOrderBySortOrder(Survey survey);
}
