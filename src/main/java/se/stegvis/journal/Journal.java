package se.stegvis.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.time.EngineClock;

/**
 * Signs entries into a case's journal: a new entry, or a correction of one already signed. The
 * author is the signed-in user and the title is their role's (what the record shows as "title"),
 * the signing time the calendar's now. Signing clears the author's journal draft of the case.
 */
@Service
public class Journal {

  public static final int MAX_TEXT = 8000;
  public static final int MAX_REASON = 500;

  /** A role's title as the record shows it, most specific first. */
  private static final List<Map.Entry<String, String>> TITLES = List.of(
      Map.entry(Groups.MANAGERS, "Projektledare"),
      Map.entry(Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare"),
      Map.entry(Groups.COACHES, "Coach"),
      Map.entry(Groups.ADMINISTRATORS, "Administratör"));

  private final JournalEntryRepository entries;
  private final CaseDrafts drafts;
  private final CaseAccess access;
  private final EngineClock clock;
  private final AuditLog audit;

  Journal(JournalEntryRepository entries, CaseDrafts drafts, CaseAccess access, EngineClock clock,
      AuditLog audit) {
    this.entries = entries;
    this.drafts = drafts;
    this.access = access;
    this.clock = clock;
    this.audit = audit;
  }

  public List<JournalEntry> of(Long caseId) {
    return entries.findByCaseIdOrderByOccurredOnAscIdAsc(caseId);
  }

  public JournalEntry sign(CaseFile caseFile, String text, LocalDate occurredOn) {
    JournalEntry entry = entries.save(entry(caseFile, text, occurredOn, null, null));
    audit.changed(caseFile.getId(), "Journalanteckning signerad");
    return entry;
  }

  /** A correction: the corrected entry stays as it was, the new one names it, and why. */
  public JournalEntry correct(CaseFile caseFile, JournalEntry corrected, String text, String reason) {
    JournalEntry entry = entries.save(entry(caseFile, text, corrected.getOccurredOn(), corrected.getId(), reason));
    audit.changed(caseFile.getId(), "Journalanteckning rättad (" + corrected.getId() + ")");
    return entry;
  }

  private JournalEntry entry(CaseFile caseFile, String text, LocalDate occurredOn, Long corrects, String reason) {
    var viewer = access.viewer();
    String title = TITLES.stream().filter(t -> viewer.groups().contains(t.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    drafts.discard(caseFile.getId(), viewer.userId(), CaseDrafts.JOURNAL);
    return new JournalEntry(caseFile.getId(), text, occurredOn, viewer.userId(), title, clock.now(), corrects,
        reason);
  }
}
