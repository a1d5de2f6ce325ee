package se.stegvis.disclosure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.consent.Consent;
import se.stegvis.consent.Consents;
import se.stegvis.staff.StaffTitles;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/**
 * Utdrag till part: what a party may receive of a case, by the person's consents valid on the day
 * to disclose to that party, category by category ({@link ExtractSections}). Covered categories are
 * in the extract with the consents that cover them; the others are left out and named as withheld.
 * Each extract is kept as given (its HTML) and logged: who, to which party, which categories.
 * Without a valid consent to disclose to the party there is no extract.
 */
@Service
class Extracts {

  static final String DISCLOSE = "DISCLOSE";

  record Made(Long id, String party, String partyLabel, List<String> disclosed, List<String> withheld,
      String madeBy, Instant madeAt) {
  }

  private final JdbcTemplate jdbc;
  private final Consents consents;
  private final ExtractSections sections;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;
  private final StaffTitles titles;

  Extracts(JdbcTemplate jdbc, Consents consents, ExtractSections sections, ReferenceCodes codes,
      EngineClock clock, AuditLog audit, StaffTitles titles) {
    this.titles = titles;
    this.jdbc = jdbc;
    this.consents = consents;
    this.sections = sections;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  Made make(CaseFile caseFile, String party, String madeBy) {
    LocalDate today = clock.today();
    String partyLabel = codes.label(CodeSet.PARTY, party);
    List<Consent> valid = consents.ofCase(caseFile.getId()).stream()
        .filter(c -> c.getParty().equals(party) && c.getDirection().equals(DISCLOSE))
        .filter(c -> !c.getGivenOn().isAfter(today) && (c.getWithdrawnOn() == null || c.getWithdrawnOn().isAfter(today)))
        .toList();
    if (valid.isEmpty()) {
      throw new FormRejectedException("Inget utdrag: personen har inget giltigt samtycke till att uppgifter lämnas ut "
          + "till " + partyLabel + ". Sekretessen gäller; inget har lämnats ut.");
    }
    List<String> disclosed = ExtractSections.CATEGORIES.stream()
        .filter(category -> valid.stream().anyMatch(c -> c.getCategory().equals(category))).toList();
    List<String> withheld = ExtractSections.CATEGORIES.stream().filter(c -> !disclosed.contains(c)).toList();
    Instant now = clock.now();
    String html = html(caseFile, partyLabel, valid, disclosed.stream().map(c -> sections.of(caseFile.getId(), c)).toList(),
        withheld, titles.signature(madeBy), today);
    jdbc.update("""
        insert into disclosure (case_id, party, disclosed, withheld, content, made_by, made_at)
        values (?, ?, ?, ?, ?, ?, ?)""", caseFile.getId(), party, String.join(",", disclosed),
        String.join(",", withheld), html, madeBy, Timestamp.from(now));
    Long id = jdbc.queryForObject("select max(id) from disclosure where case_id = ?", Long.class, caseFile.getId());
    audit.changed(caseFile.getId(), "Utdrag till " + party + " (" + String.join(", ", disclosed) + ")");
    return new Made(id, party, partyLabel, labels(disclosed), labels(withheld), madeBy, now);
  }

  List<Made> of(Long caseId) {
    return jdbc.query("select id, party, disclosed, withheld, made_by, made_at from disclosure where case_id = ? "
        + "order by id", (rs, n) -> new Made(rs.getLong("id"), rs.getString("party"),
            codes.label(CodeSet.PARTY, rs.getString("party")), labels(split(rs.getString("disclosed"))),
            labels(split(rs.getString("withheld"))), rs.getString("made_by"), rs.getTimestamp("made_at").toInstant()),
        caseId);
  }

  Optional<String> html(Long caseId, Long id) {
    return jdbc.queryForList("select content from disclosure where case_id = ? and id = ?", String.class, caseId, id)
        .stream().findFirst();
  }

  private List<String> labels(List<String> categories) {
    return categories.stream().map(c -> codes.label(CodeSet.CONSENT_CATEGORY, c)).toList();
  }

  private static List<String> split(String list) {
    return list.isBlank() ? List.of() : List.of(list.split(","));
  }

  /** The extract as a printable page; well-formed XHTML, so the PDF renderer reads the same page. */
  private String html(CaseFile caseFile, String partyLabel, List<Consent> valid,
      List<ExtractSections.Section> covered, List<String> withheld, String signedBy, LocalDate today) {
    var participant = caseFile.getParticipant();
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="sv" xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>
        <title>Utdrag till %s</title>
        <style>
        body { font-family: sans-serif; font-size: 11pt; margin: 2em; color: #111; }
        h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.2em; border-bottom: 1px solid #999; }
        table { border-collapse: collapse; width: 100%%; } th, td { text-align: left; vertical-align: top;
        padding: 3px 6px; border: 1px solid #bbb; } th { width: 30%%; background: #f2f2f2; }
        .withheld { background: #fff4e5; padding: 6px; border: 1px solid #e0a040; }
        </style></head><body>
        """.formatted(e(partyLabel)));
    page.append("<h1>Utdrag till ").append(e(partyLabel)).append("</h1>");
    page.append("<table><tbody>");
    row(page, "Person", (participant.getFirstName() == null ? "" : participant.getFirstName() + " ")
        + participant.getLastName());
    row(page, "Person-/samordningsnummer", participant.getIdentityNumber());
    row(page, "Ärende", caseFile.getCaseNumber() + ", " + caseFile.getProject().getName());
    row(page, "Utdraget gjort", today + " av " + signedBy);
    if (participant.isProtectedIdentity()) {
      row(page, "Skyddade personuppgifter", "Lämna inte vidare uppgifter om var personen bor eller kan nås.");
    }
    page.append("</tbody></table>");
    page.append("<h2>Samtycke som utdraget bygger på</h2><table><tbody>");
    for (Consent c : valid) {
      row(page, codes.label(CodeSet.CONSENT_CATEGORY, c.getCategory()),
          codes.label(CodeSet.CONSENT_DIRECTION, c.getDirection()) + " till " + partyLabel + ", givet " + c.getGivenOn()
              + (c.getPurpose() == null ? "" : ". Syfte: " + c.getPurpose()));
    }
    page.append("</tbody></table>");
    for (ExtractSections.Section section : covered) {
      page.append("<h2>").append(e(section.categoryLabel())).append("</h2><table><tbody>");
      section.lines().forEach(line -> row(page, line.label(), line.value()));
      page.append("</tbody></table>");
    }
    page.append("<h2>Inte med i utdraget</h2><div class=\"withheld\">");
    if (withheld.isEmpty()) {
      page.append("<p>Samtycket täcker alla informationskategorier.</p>");
    } else {
      page.append("<p>Samtycke saknas för dessa kategorier, som därför inte lämnas ut:</p><ul>");
      labels(withheld).forEach(label -> page.append("<li>").append(e(label)).append("</li>"));
      page.append("</ul>");
    }
    page.append("<p>Journalanteckningar och mötesanteckningar ingår aldrig i ett utdrag.</p></div>");
    return page.append("</body></html>").toString();
  }

  private static void row(StringBuilder page, String label, String value) {
    page.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
  }

  private static String e(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
