package se.stegvis.survey;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyAnswerRepository extends JpaRepository<SurveyAnswer, Long> {
  List<SurveyAnswer> findByCaseIdAndSurvey(Long caseId, Survey survey);
}
