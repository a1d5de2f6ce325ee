package se.stegvis.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * Extracts to a party ({@link Extracts}): make one (those who write in the case), list those made,
 * and show one as a printable page or as PDF; every reading audited.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/extracts")
class ExtractController {

  private final VisibleCases cases;
  private final Extracts extracts;
  private final CaseAccess access;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;

  ExtractController(VisibleCases cases, Extracts extracts, CaseAccess access, ReferenceCodes codes,
      EngineClock clock, AuditLog audit) {
    this.cases = cases;
    this.extracts = extracts;
    this.access = access;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  @Operation(summary = "Gör ett utdrag till en part av det som samtycket tillåter")
  @PostMapping
  @Transactional
  ResponseEntity<Extracts.Made> make(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = cases.writableByNumber(caseNumber);
    var values = new FormValues(body, codes, clock.today());
    String party = values.code("party", "Part", CodeSet.PARTY, true);
    values.requireValid();
    Extracts.Made made = extracts.make(caseFile, party, access.viewer().userId());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/extracts/" + made.id())).body(made);
  }

  @Operation(summary = "Utdrag som lämnats till parter")
  @GetMapping
  @Transactional(readOnly = true)
  List<Extracts.Made> list(@PathVariable String caseNumber) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    audit.read(caseFile.getId(), "Utdrag till part");
    return extracts.of(caseFile.getId());
  }

  @Operation(summary = "Ett utdrag som utskriftsbar sida")
  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  ResponseEntity<String> page(@PathVariable String caseNumber, @PathVariable Long id) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    String html = extracts.html(caseFile.getId(), id).orElseThrow(VisibleCases.NotVisible::new);
    audit.read(caseFile.getId(), "Utdrag " + id + " visat");
    // Only the extract's own inline style, nothing else: the page holds personal data and no script.
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
  }

  @Operation(summary = "Ett utdrag som PDF")
  @GetMapping("/{id}/pdf")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable Long id) throws Exception {
    CaseFile caseFile = cases.byNumber(caseNumber);
    String html = extracts.html(caseFile.getId(), id).orElseThrow(VisibleCases.NotVisible::new);
    audit.read(caseFile.getId(), "Utdrag " + id + " hämtat som PDF");
    var pdf = new ByteArrayOutputStream();
    new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("utdrag-" + caseFile.getCaseNumber() + "-" + id + ".pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.toByteArray());
  }
}
