package se.stegvis.journal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.staff.StaffTitles;
import se.stegvis.time.EngineClock;

/**
 * Signs entries into a case's journal: a new entry, or a correction of one already signed. The
 * author is the signed-in user, with the title (befattning) she has when she signs, kept with the
 * entry ({@link StaffTitles#signingTitle}: her own, else her role's); the signing time is the
 * calendar's now. Signing clears the author's journal draft of the case.
 */
@Service
public class Journal {

  public static final int MAX_TEXT = 8000;
  public static final int MAX_REASON = 500;

  private final JournalEntryRepository entries;
  private final CaseDrafts drafts;
  private final CaseAccess access;
  private final EngineClock clock;
  private final AuditLog audit;
  private final StaffTitles titles;

  Journal(JournalEntryRepository entries, CaseDrafts drafts, CaseAccess access, EngineClock clock,
      AuditLog audit, StaffTitles titles) {
    this.titles = titles;
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
    String title = titles.signingTitle(viewer.userId(), java.util.Set.copyOf(viewer.groups()));
    drafts.discard(caseFile.getId(), viewer.userId(), CaseDrafts.JOURNAL);
    return new JournalEntry(caseFile.getId(), text, occurredOn, viewer.userId(), title, clock.now(), corrects,
        reason);
  }
}
