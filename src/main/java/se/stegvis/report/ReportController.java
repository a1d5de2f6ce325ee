package se.stegvis.report;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.placement.PlacementFigures;
import se.stegvis.time.EngineClock;

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
  private final EngineClock clock;
  private final SteeringGroupReport steeringGroup;
  private final ParticipantExport participantExport;
  private final CaseAccess access;
  private final ProjectRepository projectRepository;

  ReportController(Reports reports, PlacementFigures placementFigures, ReportCases cases,
      EngineClock clock, SteeringGroupReport steeringGroup, ParticipantExport participantExport,
      CaseAccess access, ProjectRepository projectRepository) {
    this.steeringGroup = steeringGroup;
    this.participantExport = participantExport;
    this.access = access;
    this.projectRepository = projectRepository;
    this.reports = reports;
    this.placementFigures = placementFigures;
    this.cases = cases;
    this.clock = clock;
  }

  @Operation(summary = "Deltagare under perioden")
  @GetMapping("/participants")
  Reports.ParticipantTable participants(ReportQuery query) {
    return reports.participants(known(query.project()), period(query));
  }

  @Operation(summary = "Remisser under perioden")
  @GetMapping("/referrals")
  Reports.ReferralTable referrals(ReportQuery query) {
    return reports.referrals(known(query.project()), period(query));
  }

  @Operation(summary = "Väntetider från remiss till beslut och start")
  @GetMapping("/waiting-times")
  Reports.WaitingTable waitingTimes(ReportQuery query) {
    return reports.waitingTimes(known(query.project()), period(query));
  }

  @Operation(summary = "Tidsfrister som hållits och missats")
  @GetMapping("/deadlines")
  Reports.DeadlineTable deadlines(ReportQuery query) {
    return reports.deadlines(known(query.project()), period(query));
  }

  @Operation(summary = "Dokumentationsfördröjning per steg: median och 90:e percentil")
  @GetMapping("/documentation-lag")
  Reports.LagTable documentationLag(ReportQuery query) {
    return reports.documentationLag(known(query.project()), period(query));
  }

  @Operation(summary = "Underlag till den nationella uppföljningen (deltagare per kön och år)")
  @GetMapping("/national-follow-up")
  Reports.NationalTable nationalFollowUp(ReportQuery query) {
    return reports.nationalFollowUp(known(query.project()), period(query));
  }

  @Operation(summary = "Praktiker under perioden")
  @GetMapping("/placements")
  PlacementFigures.Figures placements(ReportQuery query) {
    ReportPeriod period = period(query);
    return placementFigures.figures(known(query.project()), period.from(), period.to());
  }

  /** Every table of the report in the generic shape of {@link ReportTable}. */
  @Operation(summary = "Rapport till styrgruppen")
  @GetMapping("/steering-group")
  SteeringGroupReport.Report steeringGroup(ReportQuery query) {
    return steeringGroup.report(known(query.project()), period(query));
  }

  /**
   * The pseudonymised participant-level export, as a report with the one table
   * {@code participant-export} in the same shape as the steering-group report's tables.
   */
  @Operation(summary = "Deltagarexport för insatsens egen uppföljning")
  @GetMapping("/participant-export")
  SteeringGroupReport.Report participantExport(ReportQuery query) {
    String project = known(query.project());
    ReportPeriod period = period(query);
    return steeringGroup.envelope(project, period, List.of(participantExport.export(project, period)));
  }

  /** The whole report as an XLSX workbook: a cover sheet and one sheet per table. */
  @Operation(summary = "Rapport till styrgruppen som Excel-fil")
  @GetMapping("/steering-group.xlsx")
  ResponseEntity<byte[]> steeringGroupWorkbook(ReportQuery query) {
    var report = steeringGroup(query);
    return download(ReportExport.xlsx(report.projectName(), report.from(), report.to(), report.generatedAt(),
        report.tables()), fileName("styrgruppsrapport", report, "xlsx"), XLSX);
  }

  /** The pseudonymised participant-level export as an XLSX workbook. */
  @Operation(summary = "Deltagarexport som Excel-fil")
  @GetMapping("/participant-export.xlsx")
  ResponseEntity<byte[]> participantExportWorkbook(ReportQuery query) {
    var report = participantExport(query);
    return download(ReportExport.xlsx(report.projectName(), report.from(), report.to(), report.generatedAt(),
        report.tables()), fileName("deltagarexport", report, "xlsx"), XLSX);
  }

  /** The pseudonymised participant-level export as CSV for Swedish Excel. */
  @Operation(summary = "Deltagarexport som CSV-fil")
  @GetMapping("/participant-export.csv")
  ResponseEntity<byte[]> participantExportTable(ReportQuery query) {
    var report = participantExport(query);
    return download(ReportExport.csv(report.tables().get(0)), fileName("deltagarexport", report, "csv"), CSV);
  }

  /** One table of the report as CSV for Swedish Excel; an unknown table id is 404. */
  @Operation(summary = "En tabell ur styrgruppsrapporten som CSV-fil")
  @GetMapping("/steering-group/{table}.csv")
  ResponseEntity<byte[]> steeringGroupTable(@PathVariable String table, ReportQuery query) {
    var report = steeringGroup(query);
    ReportTable found = report.tables().stream().filter(t -> t.id().equals(table)).findFirst()
        .orElseThrow(() -> new UnknownTableException(table));
    return download(ReportExport.csv(found), fileName(table, report, "csv"), CSV);
  }

  /** The projects whose reports the caller manages: all for administrators, else those of the caller's manager groups. */
  @Operation(summary = "Insatser som anroparen kan ta fram rapporter för")
  @GetMapping("/projects")
  List<ReportProject> projects() {
    var viewer = access.viewer();
    return projectRepository.findAll().stream()
        .filter(p -> viewer.isAdministrator() || viewer.groups().contains(p.getManagerGroup()))
        .sorted(java.util.Comparator.comparing(se.stegvis.casefile.Project::getCode))
        .map(p -> new ReportProject(p.getCode(), p.getName(), p.isActive()))
        .toList();
  }

  record ReportProject(String code, String name, boolean active) {
  }

  @ExceptionHandler(UnknownProjectException.class)
  ProblemDetail unknownProject(UnknownProjectException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Finns inte");
    return problem;
  }

  @ExceptionHandler(UnknownTableException.class)
  ProblemDetail unknownTable(UnknownTableException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Finns inte");
    return problem;
  }

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private static String fileName(String name, SteeringGroupReport.Report report, String extension) {
    String project = report.project() == null ? "alla" : report.project().replaceAll("[^A-Za-z0-9_-]", "");
    return "%s-%s-%s-%s.%s".formatted(name, project, report.from(), report.to(), extension);
  }

  private static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
  }

  private ReportPeriod period(ReportQuery query) {
    return ReportPeriod.of(query.from(), query.to(), clock.today());
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

  static class UnknownTableException extends RuntimeException {
    UnknownTableException(String id) {
      super("Rapporten har ingen tabell \"" + id + "\".");
    }
  }

  static class UnknownProjectException extends RuntimeException {
    UnknownProjectException(String code) {
      super("Insatsen \"" + code + "\" finns inte.");
    }
  }
}
