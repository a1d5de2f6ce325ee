package se.stegvis.report;

import static se.stegvis.report.ReportTable.Type.COUNT;
import static se.stegvis.report.ReportTable.Type.DAYS;
import static se.stegvis.report.ReportTable.Type.TEXT;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.report.ReportCases.AnswerRow;
import se.stegvis.report.ReportCases.CaseRow;
import se.stegvis.report.ReportCases.ReportData;
import se.stegvis.survey.Survey;
import se.stegvis.survey.SurveyQuestion;

/**
 * The participant-level export for a project's own evaluation, pseudonymised: one row per case
 * the viewer may see that was referred, decided, active, exited or followed up in the period.
 * It holds codes, age bands, months and day counts only: no personnummer, names, contact details,
 * free text, case numbers or database ids, and no exact dates (the referral month and the days
 * between steps instead), so that a row cannot be linked back to a person from the export alone.
 * The pseudonym is a number given in a random order within one export: the same case gets a
 * different pseudonym in the next export, and nothing about the person decides it.
 */
@Component
class ParticipantExport {

  static final String ID = "participant-export";

  private final ReportCases cases;
  private final Random random = new SecureRandom();

  ParticipantExport(ReportCases cases) {
    this.cases = cases;
  }

  @Transactional(readOnly = true)
  ReportTable export(String projectCode, ReportPeriod period) {
    return export(cases.load(projectCode, period));
  }

  ReportTable export(ReportData data) {
    ReportPeriod period = data.period();
    List<CaseRow> rows = new ArrayList<>(data.cases().stream()
        .filter(c -> period.contains(c.referredOn()) || period.contains(c.decidedOn())
            || c.activeIn(period.from(), period.to()) || period.contains(c.followedUpOn()))
        .toList());
    Collections.shuffle(rows, random);
    List<SurveyQuestion> exitQuestions = cases.questions(Survey.EXIT);
    List<SurveyQuestion> followUpQuestions = cases.questions(Survey.FOLLOW_UP);
    Map<Long, Map<String, Integer>> answers = new HashMap<>();
    for (AnswerRow a : data.answers()) {
      answers.computeIfAbsent(a.caseId(), id -> new HashMap<>()).put(key(a.survey(), a.question()), a.answer());
    }

    var builder = ReportTable.builder(ID, "Deltagare, pseudonymiserat",
        "En rad per ärende för insatsens egen utvärdering. Pseudonymen gäller bara i denna export; inga "
            + "personnummer, namn, kontaktuppgifter, fritexter eller exakta datum.")
        .column("pseudonym", "Pseudonym", TEXT).column("project", "Insats", TEXT).column("gender", "Kön", TEXT)
        .column("ageBand", "Åldersgrupp", TEXT).column("party", "Remitterande part", TEXT)
        .column("decision", "Beslut", TEXT).column("referredMonth", "Remissmånad", TEXT)
        .column("daysToDecision", "Dagar remiss → beslut", DAYS).column("daysToStart", "Dagar beslut → start", DAYS)
        .column("daysInParticipation", "Dagar start → avslut", DAYS)
        .column("timeInSupport", "Tid i offentlig försörjning", TEXT)
        .column("incomeAtStart", "Försörjning vid start", TEXT).column("exitOutcome", "Status vid avslut", TEXT)
        .column("incomeAtExit", "Försörjning vid avslut", TEXT)
        .column("daysExitToFollowUp", "Dagar avslut → uppföljning", DAYS)
        .column("followUpStatus", "Status vid uppföljning", TEXT)
        .column("incomeAtFollowUp", "Försörjning vid uppföljning", TEXT)
        .column("placements", "Praktikperioder", COUNT).column("placementDays", "Praktikdagar", DAYS);
    exitQuestions.forEach(q -> builder.column(key(Survey.EXIT, q.getQuestion()), "Avslut: " + q.getText(), COUNT));
    followUpQuestions.forEach(q -> builder.column(key(Survey.FOLLOW_UP, q.getQuestion()),
        "Uppföljning: " + q.getText(), COUNT));

    int width = Math.max(4, String.valueOf(rows.size()).length());
    for (int n = 0; n < rows.size(); n++) {
      CaseRow c = rows.get(n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("pseudonym", "D" + "0".repeat(width - String.valueOf(n + 1).length()) + (n + 1));
      row.put("project", c.projectCode());
      row.put("gender", c.gender());
      row.put("ageBand", c.ageBand().label());
      row.put("party", c.party());
      row.put("decision", c.decision());
      row.put("referredMonth", c.referredOn().toString().substring(0, 7));
      row.put("daysToDecision", days(c.referredOn(), c.decidedOn()));
      row.put("daysToStart", days(c.decidedOn(), c.startedOn()));
      row.put("daysInParticipation", days(c.startedOn(), c.exitedOn()));
      row.put("timeInSupport", c.timeInSupport());
      row.put("incomeAtStart", c.incomeAtStart());
      row.put("exitOutcome", c.exitOutcome());
      row.put("incomeAtExit", c.exitIncome());
      row.put("daysExitToFollowUp", days(c.exitedOn(), c.followedUpOn()));
      row.put("followUpStatus", c.followedUpOn() == null ? null
          : Boolean.TRUE.equals(c.followUpReached()) ? c.followUpStatus() : OutcomeReports.NOT_REACHED);
      row.put("incomeAtFollowUp", c.followUpIncome());
      row.put("placements", c.placements());
      row.put("placementDays", c.placements() == 0 ? null : c.placementDays());
      answers.getOrDefault(c.caseId(), Map.of()).forEach(row::put);
      builder.row(row);
    }
    return builder.build();
  }

  private static String key(Survey survey, String question) {
    return (survey == Survey.EXIT ? "exit_" : "followUp_") + question;
  }

  private static Long days(LocalDate first, LocalDate last) {
    return first == null || last == null ? null : ChronoUnit.DAYS.between(first, last);
  }
}
