package se.stegvis.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.placement.PlacementFigures;

/**
 * The report tables as JSON, each for {@code project} (a project code; all projects when left
 * out) and the period {@code from}–{@code to} (ISO dates, both included; by default the current
 * calendar year in Swedish time). Figures cover only the cases the caller may see: for a
 * project whose cases the caller may not see, they are empty. An unknown project code is 404.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  /** The query parameters every table takes. */
  record ReportQuery(String project, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
  }

  private final Reports reports;
  private final PlacementFigures placementFigures;
  private final ReportCases cases;
  private final DeadlineCalendar calendar;
  private final SteeringGroupReport steeringGroup;
  private final ParticipantExport participantExport;

  ReportController(Reports reports, PlacementFigures placementFigures, ReportCases cases,
      DeadlineCalendar calendar, SteeringGroupReport steeringGroup, ParticipantExport participantExport) {
    this.steeringGroup = steeringGroup;
    this.participantExport = participantExport;
    this.reports = reports;
    this.placementFigures = placementFigures;
    this.cases = cases;
    this.calendar = calendar;
  }

  @GetMapping("/participants")
  Reports.ParticipantTable participants(ReportQuery query) {
    return reports.participants(known(query.project()), period(query));
  }

  @GetMapping("/referrals")
  Reports.ReferralTable referrals(ReportQuery query) {
    return reports.referrals(known(query.project()), period(query));
  }

  @GetMapping("/waiting-times")
  Reports.WaitingTable waitingTimes(ReportQuery query) {
    return reports.waitingTimes(known(query.project()), period(query));
  }

  @GetMapping("/deadlines")
  Reports.DeadlineTable deadlines(ReportQuery query) {
    return reports.deadlines(known(query.project()), period(query));
  }

  @GetMapping("/national-follow-up")
  Reports.NationalTable nationalFollowUp(ReportQuery query) {
    return reports.nationalFollowUp(known(query.project()), period(query));
  }

  @GetMapping("/placements")
  PlacementFigures.Figures placements(ReportQuery query) {
    ReportPeriod period = period(query);
    return placementFigures.figures(known(query.project()), period.from(), period.to());
  }

  /** Every table of the report in the generic shape of {@link ReportTable}. */
  @GetMapping("/steering-group")
  SteeringGroupReport.Report steeringGroup(ReportQuery query) {
    return steeringGroup.report(known(query.project()), period(query));
  }

  /**
   * The pseudonymised participant-level export, as a report with the one table
   * {@code participant-export} in the same shape as the steering-group report's tables.
   */
  @GetMapping("/participant-export")
  SteeringGroupReport.Report participantExport(ReportQuery query) {
    String project = known(query.project());
    ReportPeriod period = period(query);
    return steeringGroup.envelope(project, period, List.of(participantExport.export(project, period)));
  }

  @ExceptionHandler(UnknownProjectException.class)
  ProblemDetail unknownProject(UnknownProjectException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Finns inte");
    return problem;
  }

  private ReportPeriod period(ReportQuery query) {
    return ReportPeriod.of(query.from(), query.to(), calendar.today());
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
