package se.stegvis.placement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;

/**
 * Placement figures for the reports, computed from the placements themselves: the placements
 * that started in a period (first day of the work plan), the people who had at least one, their
 * durations (first to last day, inclusive) in total and per person, and how many of those ended
 * led to an offer of employment. Limited to the cases the viewer may see, optionally one project.
 */
@Service
public class PlacementFigures {

  public record Figures(String project, LocalDate from, LocalDate to, int placements, int people, int ended,
      int totalDays, BigDecimal averageDaysPerPlacement, BigDecimal averageDaysPerPerson, int ledToEmployment,
      BigDecimal employmentSharePercent) {
  }

  private final PlacementRepository placements;
  private final CaseFileRepository caseFiles;
  private final CaseAccess access;

  PlacementFigures(PlacementRepository placements, CaseFileRepository caseFiles, CaseAccess access) {
    this.placements = placements;
    this.caseFiles = caseFiles;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public Figures figures(String projectCode, LocalDate from, LocalDate to) {
    var viewer = access.viewer();
    List<Placement> started = placements.findByPlannedStartBetween(from, to);
    Map<Long, CaseFile> cases = caseFiles.findAllById(started.stream().map(Placement::getCaseId).distinct().toList())
        .stream()
        .filter(c -> projectCode == null || projectCode.equals(c.getProject().getCode()))
        .filter(c -> access.canSee(viewer, c))
        .collect(Collectors.toMap(CaseFile::getId, Function.identity()));
    List<Placement> counted = started.stream().filter(p -> cases.containsKey(p.getCaseId())).toList();
    List<Placement> ended = counted.stream().filter(p -> p.durationDays() != null).toList();
    int people = (int) counted.stream().map(p -> cases.get(p.getCaseId()).getParticipant().getId()).distinct().count();
    int days = ended.stream().mapToInt(Placement::durationDays).sum();
    long peopleEnded = ended.stream().map(p -> cases.get(p.getCaseId()).getParticipant().getId()).distinct().count();
    int employment = (int) ended.stream().filter(p -> "EMPLOYMENT".equals(p.getOutcome())).count();
    return new Figures(projectCode, from, to, counted.size(), people, ended.size(), days, ratio(days, ended.size()),
        ratio(days, peopleEnded), employment, percent(employment, ended.size()));
  }

  private static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
