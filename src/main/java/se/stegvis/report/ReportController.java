package se.stegvis.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.deadline.DeadlineCalendar;

/**
 * The report tables as JSON, each for {@code project} (a project code; all projects when left
 * out) and the period {@code from}–{@code to} (ISO dates, both included; by default the current
 * calendar year in Swedish time). Figures cover only the cases the caller may see: for a
 * project whose cases the caller may not see, they are empty. An unknown project code is 404.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final Reports reports;
  private final ReportCases cases;
  private final DeadlineCalendar calendar;

  ReportController(Reports reports, ReportCases cases, DeadlineCalendar calendar) {
    this.reports = reports;
    this.cases = cases;
    this.calendar = calendar;
  }

  @GetMapping("/participants")
  Reports.ParticipantTable participants(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.participants(known(project), period(from, to));
  }

  @GetMapping("/referrals")
  Reports.ReferralTable referrals(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.referrals(known(project), period(from, to));
  }

  @GetMapping("/waiting-times")
  Reports.WaitingTable waitingTimes(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.waitingTimes(known(project), period(from, to));
  }

  @GetMapping("/deadlines")
  Reports.DeadlineTable deadlines(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.deadlines(known(project), period(from, to));
  }

  @GetMapping("/national-follow-up")
  Reports.NationalTable nationalFollowUp(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.nationalFollowUp(known(project), period(from, to));
  }

  @ExceptionHandler(UnknownProjectException.class)
  ProblemDetail unknownProject(UnknownProjectException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Finns inte");
    return problem;
  }

  private ReportPeriod period(LocalDate from, LocalDate to) {
    return ReportPeriod.of(from, to, calendar.today());
  }

  private String known(String project) {
    if (project == null || project.isBlank()) {
      return null;
    }
    if (cases.project(project).isEmpty()) {
      throw new UnknownProjectException(project);
    }
    return project;
  }

  static class UnknownProjectException extends RuntimeException {
    UnknownProjectException(String code) {
      super("Insatsen \"" + code + "\" finns inte.");
    }
  }
}
