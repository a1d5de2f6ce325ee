package se.stegvis.disclosure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;

/**
 * What of a case belongs to each category of information a consent names: the record's structured
 * data, sorted once here so that an extract holds exactly the covered categories. Journal entries
 * and meeting notes are free text of no single category and are never part of an extract.
 */
@Component
class ExtractSections {

  /** A labelled value. */
  record Line(String label, String value) {
  }

  /** The part of an extract that one category covers. */
  record Section(String category, String categoryLabel, List<Line> lines) {
  }

  static final List<String> CATEGORIES = List.of("SOCIAL_ECONOMIC", "HEALTH", "WORK_HISTORY", "LABOUR_MARKET");

  private final JdbcTemplate jdbc;
  private final ReferenceCodes codes;

  ExtractSections(JdbcTemplate jdbc, ReferenceCodes codes) {
    this.jdbc = jdbc;
    this.codes = codes;
  }

  Section of(Long caseId, String category) {
    List<Line> lines = new ArrayList<>();
    switch (category) {
      case "SOCIAL_ECONOMIC" -> socialAndEconomic(caseId, lines);
      case "HEALTH" -> health(caseId, lines);
      case "WORK_HISTORY" -> workHistory(caseId, lines);
      case "LABOUR_MARKET" -> labourMarket(caseId, lines);
      default -> throw new IllegalArgumentException("No consent category " + category);
    }
    if (lines.isEmpty()) {
      lines.add(new Line("Uppgifter", "Ärendet har inga uppgifter i den här kategorin."));
    }
    return new Section(category, codes.label(CodeSet.CONSENT_CATEGORY, category), lines);
  }

  private void socialAndEconomic(Long caseId, List<Line> lines) {
    jdbc.query("select income_source, time_in_support from referral where case_id = ?", rs -> {
      lines.add(new Line("Försörjning vid remissen", codes.label(CodeSet.INCOME_SOURCE, rs.getString("income_source"))));
      lines.add(new Line("Tid i offentlig försörjning före start",
          codes.label(CodeSet.TIME_IN_SUPPORT, rs.getString("time_in_support"))));
    }, caseId);
    jdbc.query("select mapping_summary from case_file where id = ? and mapping_summary is not null",
        rs -> { lines.add(new Line("Kartläggning", rs.getString("mapping_summary"))); }, caseId);
    jdbc.query("select income_source from case_exit where case_id = ?", rs -> {
      lines.add(new Line("Försörjning vid avslut", codes.label(CodeSet.INCOME_SOURCE, rs.getString("income_source"))));
    }, caseId);
    jdbc.query("select income_source from follow_up where case_id = ? and income_source is not null", rs -> {
      lines.add(new Line("Försörjning vid uppföljning", codes.label(CodeSet.INCOME_SOURCE,
          rs.getString("income_source"))));
    }, caseId);
  }

  /** Health shows only where the record says so in structured form: a placement ended for health reasons. */
  private void health(Long caseId, List<Line> lines) {
    jdbc.query("select sequence, ended_on from placement where case_id = ? and end_reason = 'HEALTH'", rs -> {
      lines.add(new Line("Praktik " + rs.getInt("sequence"), "Avbruten på grund av ohälsa " + rs.getDate("ended_on")));
    }, caseId);
  }

  private void workHistory(Long caseId, List<Line> lines) {
    jdbc.query("select education_level from referral where case_id = ?", rs -> {
      lines.add(new Line("Utbildningsnivå", codes.label(CodeSet.EDUCATION_LEVEL, rs.getString("education_level"))));
    }, caseId);
    jdbc.query("""
        select p.sequence, w.name, p.sector_wish, p.work_tasks, p.planned_start, p.ended_on, p.outcome, p.employment_type
        from placement p left join workplace w on w.id = p.workplace_id
        where p.case_id = ? and p.workplace_id is not null order by p.sequence""", rs -> {
      StringBuilder text = new StringBuilder(rs.getString("name") + " (" + codes.label(CodeSet.SECTOR,
          rs.getString("sector_wish")) + ")");
      if (rs.getString("work_tasks") != null) {
        text.append(". Arbetsuppgifter: ").append(rs.getString("work_tasks"));
      }
      if (rs.getString("outcome") != null) {
        text.append(". Utfall: ").append(codes.label(CodeSet.PLACEMENT_OUTCOME, rs.getString("outcome")));
      }
      if (rs.getString("employment_type") != null) {
        text.append(", ").append(codes.label(CodeSet.EMPLOYMENT_TYPE, rs.getString("employment_type")));
      }
      lines.add(new Line("Praktik " + rs.getInt("sequence"), text.toString()));
    }, caseId);
  }

  private void labourMarket(Long caseId, List<Line> lines) {
    jdbc.query("select made_on, goals, activities from action_plan where case_id = ? order by made_on", rs -> {
      lines.add(new Line("Handlingsplan " + rs.getDate("made_on"), "Mål: " + rs.getString("goals")
          + ". Aktiviteter: " + rs.getString("activities")));
    }, caseId);
    jdbc.query("select documented_on, proposal from proposed_action where case_id = ? order by documented_on", rs -> {
      lines.add(new Line("Förslag till åtgärd " + rs.getDate("documented_on"), rs.getString("proposal")));
    }, caseId);
    jdbc.query("select exit_date, outcome, extent_percent, next_step from case_exit where case_id = ?", rs -> {
      String extent = rs.getObject("extent_percent") == null ? "" : ", " + rs.getInt("extent_percent") + " %";
      lines.add(new Line("Avslut " + rs.getDate("exit_date"), codes.label(CodeSet.EXIT_OUTCOME, rs.getString("outcome"))
          + extent + ". Nästa steg: " + rs.getString("next_step")));
    }, caseId);
    jdbc.query("select followed_up_on, status from follow_up where case_id = ? and status is not null", rs -> {
      lines.add(new Line("Uppföljning " + rs.getDate("followed_up_on"),
          codes.label(CodeSet.FOLLOW_UP_STATUS, rs.getString("status"))));
    }, caseId);
  }
}
