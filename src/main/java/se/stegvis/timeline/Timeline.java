package se.stegvis.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.staff.StaffTitles;
import se.stegvis.time.EngineClock;

/**
 * Everything written in a case, in the order it happened: each step with what was written in its
 * form, the journal, consents given and withdrawn, placements and their visits, attachments,
 * notifications sent, deadlines met, missed and escalated, surveys, and extracts given to a party.
 * Read from each feature's own tables; nothing is copied, so the timeline is as true as they are.
 */
@Service
public class Timeline {

  /**
   * One event: the day it happened (and when it was recorded, to order a day), what, and by whom: the
   * name of the member of staff ("Anna Lind"), a journal entry's signer with the title she signed with
   * ("Anna Lind, Arbetskonsulent").
   */
  public record Event(LocalDate day, Instant recordedAt, TimelineKind kind, String kindLabel, String title,
      String text, String by) {
  }

  private final JdbcTemplate jdbc;
  private final ReferenceCodes codes;
  private final DeadlineLabels deadlineLabels;
  private final StaffTitles titles;

  Timeline(JdbcTemplate jdbc, ReferenceCodes codes, DeadlineLabels deadlineLabels, StaffTitles titles) {
    this.deadlineLabels = deadlineLabels;
    this.jdbc = jdbc;
    this.codes = codes;
    this.titles = titles;
  }

  public List<Event> of(Long caseId, Set<TimelineKind> kinds) {
    List<Event> events = new ArrayList<>();
    for (TimelineKind kind : kinds) {
      switch (kind) {
        case STEP -> steps(caseId, events);
        case JOURNAL -> journal(caseId, events);
        case CONSENT -> consents(caseId, events);
        case PLACEMENT -> placements(caseId, events);
        case ATTACHMENT -> attachments(caseId, events);
        case NOTIFICATION -> notifications(caseId, events);
        case DEADLINE -> deadlines(caseId, events);
        case SURVEY -> surveys(caseId, events);
        case DISCLOSURE -> disclosures(caseId, events);
      }
    }
    events.sort(Comparator.comparing(Event::day)
        .thenComparing(Event::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    return named(events);
  }

  /** Each event's user id replaced by the user's name; a journal entry's signer with her title at signing. */
  private List<Event> named(List<Event> events) {
    Map<String, String> names = titles.names(events.stream().map(e -> e.kind() == TimelineKind.JOURNAL
        ? signer(e.by())[0] : e.by()).filter(by -> by != null).toList());
    return events.stream().map(e -> {
      if (e.by() == null) {
        return e;
      }
      String by = e.kind() == TimelineKind.JOURNAL
          ? StaffTitles.joined(names.get(signer(e.by())[0]), signer(e.by())[1]) : names.get(e.by());
      return new Event(e.day(), e.recordedAt(), e.kind(), e.kindLabel(), e.title(), e.text(), by);
    }).toList();
  }

  /** A journal event's author and title, as journal() leaves them: "userId\ttitle". */
  private static String[] signer(String by) {
    int tab = by.indexOf('\t');
    return tab < 0 ? new String[] {by, null} : new String[] {by.substring(0, tab), by.substring(tab + 1)};
  }

  private void steps(Long caseId, List<Event> events) {
    jdbc.query("""
        select r.referred_on, r.party, r.referrer_name, r.reason, r.registered_by, r.decision, r.decision_reason,
          r.other_measure, r.decided_on, r.decided_by, c.created_at
        from referral r join case_file c on c.id = r.case_id where r.case_id = ?""", rs -> {
      events.add(event(rs.getDate("referred_on").toLocalDate(), rs.getTimestamp("created_at"), TimelineKind.STEP,
          "Remiss från " + codes.label(CodeSet.PARTY, rs.getString("party")),
          lines("Remittent: " + rs.getString("referrer_name"), "Skäl: " + rs.getString("reason")),
          rs.getString("registered_by")));
      if (rs.getDate("decided_on") != null) {
        events.add(event(rs.getDate("decided_on").toLocalDate(), null, TimelineKind.STEP,
            "Beslut: " + codes.label(CodeSet.INTAKE_DECISION, rs.getString("decision")),
            lines(rs.getString("decision_reason"), prefixed("Annan insats: ", rs.getString("other_measure"))),
            rs.getString("decided_by")));
      }
    }, caseId);
    jdbc.query("""
        select started_on, first_meeting_on, agreement_signed_on, mapping_summary, coach from case_file
        where id = ? and started_on is not null""", rs -> {
      events.add(event(rs.getDate("started_on").toLocalDate(), null, TimelineKind.STEP, "Start och kartläggning",
          lines(prefixed("Församtal: ", rs.getDate("first_meeting_on")),
              prefixed("Avtal undertecknat: ", rs.getDate("agreement_signed_on")),
              prefixed("Kartläggning: ", rs.getString("mapping_summary"))), rs.getString("coach")));
    }, caseId);
    jdbc.query("select made_on, goals, activities, recorded_by, recorded_at from action_plan where case_id = ?",
        rs -> {
          events.add(event(rs.getDate("made_on").toLocalDate(), rs.getTimestamp("recorded_at"), TimelineKind.STEP,
              "Handlingsplan", lines("Mål: " + rs.getString("goals"), "Aktiviteter: " + rs.getString("activities")),
              rs.getString("recorded_by")));
        }, caseId);
    jdbc.query("""
        select sequence, held_on, person_present, parties_present, summary, recorded_by, recorded_at from meeting
        where case_id = ?""", rs -> {
      events.add(event(rs.getDate("held_on").toLocalDate(), rs.getTimestamp("recorded_at"), TimelineKind.STEP,
          "Flerpartssamtal " + rs.getInt("sequence"),
          lines("Närvaro: " + (rs.getBoolean("person_present") ? "personen var med" : "personen var inte med")
              + ", parter: " + partyLabels(rs.getString("parties_present")), "Anteckningar: " + rs.getString("summary")),
          rs.getString("recorded_by")));
    }, caseId);
    jdbc.query("""
        select documented_on, proposal, agreed_with_person, recorded_by, recorded_at from proposed_action
        where case_id = ?""", rs -> {
      events.add(event(rs.getDate("documented_on").toLocalDate(), rs.getTimestamp("recorded_at"), TimelineKind.STEP,
          "Förslag till åtgärd", lines("Förslag och motivering: " + rs.getString("proposal"),
              rs.getBoolean("agreed_with_person") ? "Överenskommet med personen" : "Inte överenskommet med personen"),
          rs.getString("recorded_by")));
    }, caseId);
    jdbc.query("""
        select exit_date, outcome, receiving_party, next_step, extent_percent, recorded_by, recorded_at from case_exit
        where case_id = ?""", rs -> {
      events.add(event(rs.getDate("exit_date").toLocalDate(), rs.getTimestamp("recorded_at"), TimelineKind.STEP,
          "Avslut: " + codes.label(CodeSet.EXIT_OUTCOME, rs.getString("outcome")),
          lines("Mottagande part: " + codes.label(CodeSet.RECEIVING_PARTY, rs.getString("receiving_party")),
              prefixed("Omfattning (%): ", rs.getObject("extent_percent")), "Nästa steg: " + rs.getString("next_step")),
          rs.getString("recorded_by")));
    }, caseId);
    jdbc.query("""
        select followed_up_on, reached, status, note, recorded_by, recorded_at from follow_up where case_id = ?""",
        rs -> {
          events.add(event(rs.getDate("followed_up_on").toLocalDate(), rs.getTimestamp("recorded_at"),
              TimelineKind.STEP, "Uppföljning efter avslut", lines(rs.getBoolean("reached")
                  ? "Status: " + codes.label(CodeSet.FOLLOW_UP_STATUS, rs.getString("status"))
                  : "Personen nåddes inte", prefixed("Anteckning: ", rs.getString("note"))),
              rs.getString("recorded_by")));
        }, caseId);
  }

  private void journal(Long caseId, List<Event> events) {
    jdbc.query("""
        select id, text, occurred_on, author, author_title, signed_at, corrects_id, correction_reason
        from journal_entry where case_id = ?""", rs -> {
      boolean correction = rs.getObject("corrects_id") != null;
      // The signer's name and the title she signed with are put together in named().
      String author = rs.getString("author_title") == null ? rs.getString("author")
          : rs.getString("author") + "\t" + rs.getString("author_title");
      events.add(event(rs.getDate("occurred_on").toLocalDate(), rs.getTimestamp("signed_at"), TimelineKind.JOURNAL,
          correction ? "Rättelse av anteckning " + rs.getLong("corrects_id") : "Journalanteckning " + rs.getLong("id"),
          lines(rs.getString("text"), prefixed("Skäl till rättelsen: ", rs.getString("correction_reason"))), author));
    }, caseId);
  }

  private void consents(Long caseId, List<Event> events) {
    jdbc.query("select party, category, direction, purpose, given_on, withdrawn_on from consent where case_id = ?",
        rs -> {
          String what = codes.label(CodeSet.PARTY, rs.getString("party")) + ": "
              + codes.label(CodeSet.CONSENT_CATEGORY, rs.getString("category")) + " ("
              + codes.label(CodeSet.CONSENT_DIRECTION, rs.getString("direction")) + ")";
          events.add(event(rs.getDate("given_on").toLocalDate(), null, TimelineKind.CONSENT, "Samtycke givet",
              lines(what, prefixed("Syfte: ", rs.getString("purpose"))), null));
          if (rs.getDate("withdrawn_on") != null) {
            events.add(event(rs.getDate("withdrawn_on").toLocalDate(), null, TimelineKind.CONSENT,
                "Samtycke återkallat", what, null));
          }
        }, caseId);
  }

  private void placements(Long caseId, List<Event> events) {
    jdbc.query("""
        select p.sequence, p.requested_on, p.requested_by, p.sector_wish, p.matched_on, p.coordinator, w.name,
          p.withdrawn_reason, p.goals, p.work_tasks, p.plan_agreed_on, p.ended_on, p.outcome, p.end_note
        from placement p left join workplace w on w.id = p.workplace_id where p.case_id = ?""", rs -> {
      String placement = "Praktik " + rs.getInt("sequence");
      events.add(event(rs.getDate("requested_on").toLocalDate(), null, TimelineKind.PLACEMENT,
          placement + ": begärd", "Bransch: " + codes.label(CodeSet.SECTOR, rs.getString("sector_wish")),
          rs.getString("requested_by")));
      if (rs.getDate("matched_on") != null) {
        events.add(event(rs.getDate("matched_on").toLocalDate(), null, TimelineKind.PLACEMENT,
            placement + ": matchad", prefixed("Arbetsplats: ", rs.getString("name")), rs.getString("coordinator")));
      }
      if (rs.getDate("plan_agreed_on") != null) {
        events.add(event(rs.getDate("plan_agreed_on").toLocalDate(), null, TimelineKind.PLACEMENT,
            placement + ": arbetsplan", lines(prefixed("Mål: ", rs.getString("goals")),
                prefixed("Arbetsuppgifter: ", rs.getString("work_tasks"))), rs.getString("coordinator")));
      }
      if (rs.getDate("ended_on") != null) {
        events.add(event(rs.getDate("ended_on").toLocalDate(), null, TimelineKind.PLACEMENT,
            placement + ": avslutad", lines(prefixed("Utfall: ", rs.getString("outcome") == null ? null
                : codes.label(CodeSet.PLACEMENT_OUTCOME, rs.getString("outcome"))),
                prefixed("Anteckning: ", rs.getString("end_note")), prefixed("Skäl: ", rs.getString("withdrawn_reason"))),
            rs.getString("coordinator")));
      }
    }, caseId);
    jdbc.query("""
        select p.sequence, v.sequence as visit, v.visited_on, v.attendance_as_planned, v.notes, v.recorded_by,
          v.recorded_at
        from placement_visit v join placement p on p.id = v.placement_id where p.case_id = ?""", rs -> {
      events.add(event(rs.getDate("visited_on").toLocalDate(), rs.getTimestamp("recorded_at"), TimelineKind.STEP,
          "Besök på praktikplatsen (praktik " + rs.getInt("sequence") + ", besök " + rs.getInt("visit") + ")",
          lines(rs.getBoolean("attendance_as_planned") ? "Närvaro enligt plan" : "Närvaro inte enligt plan",
              prefixed("Anteckningar: ", rs.getString("notes"))), rs.getString("recorded_by")));
    }, caseId);
  }

  private void attachments(Long caseId, List<Event> events) {
    jdbc.query("select id, file_name, size_bytes, uploaded_by, uploaded_at from attachment where case_id = ?", rs -> {
      Timestamp at = rs.getTimestamp("uploaded_at");
      events.add(event(day(at), at, TimelineKind.ATTACHMENT, "Bilaga: " + rs.getString("file_name"),
          (rs.getInt("size_bytes") + 1023) / 1024 + " kB", rs.getString("uploaded_by")));
    }, caseId);
  }

  private void notifications(Long caseId, List<Event> events) {
    jdbc.query("select recipient, subject, created_at, sent_at from notification where case_id = ?", rs -> {
      Timestamp at = rs.getTimestamp("created_at");
      events.add(event(day(at), at, TimelineKind.NOTIFICATION, "Meddelande: " + rs.getString("subject"),
          "Till " + recipient(rs.getString("recipient")) + (rs.getTimestamp("sent_at") == null ? ", inte skickat" : ""),
          null));
    }, caseId);
  }

  /**
   * A deadline's events, each on the day it belongs to: the due day passing with the step undone
   * (escalated), the managers' notice, the step done (dated by the day it happened, with its
   * registration time), and a deadline that ended missed or cancelled on the day the case ended.
   */
  private void deadlines(Long caseId, List<Event> events) {
    var labels = deadlineLabels.all();
    jdbc.query("""
        select kind, due_at, state, step_on, completed_at, escalated_at, ended_on, manager_notified_at
        from deadline where case_id = ?""", rs -> {
      String what = labels.getOrDefault(rs.getString("kind"), rs.getString("kind"));
      String due = "Senast " + day(rs.getTimestamp("due_at"));
      String state = rs.getString("state");
      Timestamp escalated = rs.getTimestamp("escalated_at");
      if (escalated != null) {
        events.add(event(day(escalated), escalated, TimelineKind.DEADLINE,
            "Tidsfristen passerad utan registrerat steg: " + what, due, null));
      }
      Timestamp notified = rs.getTimestamp("manager_notified_at");
      if (notified != null) {
        events.add(event(day(notified), notified, TimelineKind.DEADLINE,
            "Eskalerad till projektledaren: " + what, due, null));
      }
      Timestamp registered = rs.getTimestamp("completed_at");
      if ("MET".equals(state) || "MET_LATE".equals(state)) {
        LocalDate happened = rs.getDate("step_on") != null ? rs.getDate("step_on").toLocalDate()
            : registered == null ? null : day(registered);
        events.add(event(happened, registered, TimelineKind.DEADLINE,
            ("MET_LATE".equals(state) ? "Klar efter tidsfristen: " : "Klar i tid: ") + what,
            due + (registered == null ? "" : ", registrerat " + day(registered)), null));
      }
      if (("MISSED".equals(state) || "CANCELLED".equals(state)) && rs.getDate("ended_on") != null) {
        events.add(event(rs.getDate("ended_on").toLocalDate(), null, TimelineKind.DEADLINE,
            ("MISSED".equals(state) ? "Tidsfrist missad: " : "Tidsfrist avbruten, ärendet avslutades före: ") + what,
            due, null));
      }
    }, caseId);
  }

  private void surveys(Long caseId, List<Event> events) {
    jdbc.query("""
        select a.survey, q.text, a.answer, coalesce(e.exit_date, f.followed_up_on) as answered_on
        from survey_answer a join survey_question q on q.survey = a.survey and q.question = a.question
          left join case_exit e on e.case_id = a.case_id and a.survey = 'EXIT'
          left join follow_up f on f.case_id = a.case_id and a.survey = 'FOLLOW_UP'
        where a.case_id = ? order by a.survey, q.sort_order""", rs -> {
      LocalDate on = rs.getDate("answered_on") == null ? null : rs.getDate("answered_on").toLocalDate();
      String title = "EXIT".equals(rs.getString("survey")) ? "Enkät vid avslut" : "Enkät vid uppföljning";
      String answer = rs.getString("text") + ": " + rs.getInt("answer");
      Event last = events.isEmpty() ? null : events.get(events.size() - 1);
      if (last != null && last.kind() == TimelineKind.SURVEY && last.title().equals(title)) {
        events.set(events.size() - 1, new Event(last.day(), null, TimelineKind.SURVEY, TimelineKind.SURVEY.label(),
            title, last.text() + "\n" + answer, null));
      } else if (on != null) {
        events.add(event(on, null, TimelineKind.SURVEY, title, answer, null));
      }
    }, caseId);
  }

  private void disclosures(Long caseId, List<Event> events) {
    jdbc.query("select party, disclosed, withheld, made_by, made_at from disclosure where case_id = ?", rs -> {
      Timestamp at = rs.getTimestamp("made_at");
      events.add(event(day(at), at, TimelineKind.DISCLOSURE,
          "Utdrag till " + codes.label(CodeSet.PARTY, rs.getString("party")),
          lines("Lämnat: " + categoryLabels(rs.getString("disclosed")),
              "Inte lämnat: " + categoryLabels(rs.getString("withheld"))), rs.getString("made_by")));
    }, caseId);
  }

  private static Event event(LocalDate day, Timestamp at, TimelineKind kind, String title, String text, String by) {
    return new Event(day, at == null ? null : at.toInstant(), kind, kind.label(), title, text, by);
  }

  private static LocalDate day(Timestamp at) {
    return at.toInstant().atZone(EngineClock.ZONE).toLocalDate();
  }

  private String partyLabels(String codesList) {
    return labels(CodeSet.PARTY, codesList);
  }

  private String categoryLabels(String codesList) {
    return codesList.isBlank() ? "inget" : labels(CodeSet.CONSENT_CATEGORY, codesList);
  }

  private String labels(CodeSet set, String codesList) {
    StringJoiner joined = new StringJoiner(", ");
    for (String code : codesList.split(",")) {
      if (!code.isBlank()) {
        joined.add(codes.label(set, code.strip()));
      }
    }
    return joined.length() == 0 ? "inga" : joined.toString();
  }

  private static String recipient(String recipient) {
    return switch (recipient) {
      case "PERSON" -> "personen";
      case "REFERRER" -> "remittenten";
      case "MANAGER" -> "projektledaren";
      case "COACH" -> "coachen";
      default -> recipient;
    };
  }

  private static String prefixed(String prefix, Object value) {
    return value == null || value.toString().isBlank() ? null : prefix + value;
  }

  /** The lines that have something to say, one per line. */
  private static String lines(String... lines) {
    StringJoiner joined = new StringJoiner("\n");
    for (String line : lines) {
      if (line != null && !line.isBlank()) {
        joined.add(line);
      }
    }
    return joined.toString();
  }
}
