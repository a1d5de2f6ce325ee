package se.stegvis.attachment;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.problems.FormRejectedException;

/**
 * A case's attachments: upload one (multipart field {@code file}: PDF, JPEG or PNG by content, at
 * most 10 MB), list them and download one. Every list and download is audited; a download is
 * always served as a file to save ({@code Content-Disposition: attachment}, {@code nosniff}), so
 * a browser never renders it in the application's origin.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/attachments")
class AttachmentController {

  static final int MAX_NAME = 200;

  private final VisibleCases cases;
  private final Attachments attachments;
  private final CaseAccess access;
  private final AuditLog audit;

  AttachmentController(VisibleCases cases, Attachments attachments, CaseAccess access, AuditLog audit) {
    this.cases = cases;
    this.attachments = attachments;
    this.access = access;
    this.audit = audit;
  }

  @Operation(summary = "Ladda upp en bilaga (PDF, JPEG eller PNG, högst 10 MB)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  ResponseEntity<Attachments.Attachment> upload(@PathVariable String caseNumber,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    CaseFile caseFile = cases.writableByNumber(caseNumber);
    if (file == null || file.isEmpty()) {
      throw refused("Välj en fil att bifoga (fältet file).");
    }
    if (file.getSize() > Attachments.MAX_BYTES) {
      throw refused("Filen är för stor: högst 10 MB (nu " + megabytes(file.getSize()) + " MB).");
    }
    byte[] content = file.getBytes();
    AttachmentType type = AttachmentType.of(content).orElseThrow(() -> refused(
        "Filen är inte en PDF, JPEG eller PNG. Bara sådana filer kan bifogas; filens innehåll avgör, inte dess namn."));
    Attachments.Attachment stored = attachments.store(caseFile.getId(), fileName(file, type), type, content,
        access.viewer().userId());
    audit.changed(caseFile.getId(), "Bilaga bifogad (" + stored.id() + ")");
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/attachments/" + stored.id())).body(stored);
  }

  @Operation(summary = "Ärendets bilagor")
  @GetMapping
  @Transactional(readOnly = true)
  List<Attachments.Attachment> list(@PathVariable String caseNumber) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    audit.read(caseFile.getId(), "Bilagor");
    return attachments.of(caseFile.getId());
  }

  @Operation(summary = "Hämta en bilaga som fil")
  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable Long id) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    Attachments.Content content = attachments.content(caseFile.getId(), id).orElseThrow(VisibleCases.NotVisible::new);
    audit.read(caseFile.getId(), "Bilaga hämtad (" + id + ")");
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.attachment().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(content.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.bytes());
  }

  /** The name as uploaded, without any path, ending as its real type does. */
  private static String fileName(MultipartFile file, AttachmentType type) {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "")
        .strip();
    String extension = "." + type.name().toLowerCase(java.util.Locale.ROOT);
    if (name.isEmpty()) {
      name = "bilaga";
    }
    if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)
        && !(type == AttachmentType.JPEG && name.toLowerCase(java.util.Locale.ROOT).endsWith(".jpg"))) {
      name = name + extension;
    }
    return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0).replace('.', ',');
  }

  private static FormRejectedException refused(String message) {
    return new FormRejectedException(List.of(message));
  }

  /**
   * A request larger than the server takes at all (spring.servlet.multipart, a little above 10 MB)
   * is refused while it is read, before any controller: answered here, in Swedish.
   */
  @RestControllerAdvice(basePackages = "se.stegvis")
  static class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
          "Filen är för stor: högst 10 MB kan bifogas.");
      problem.setTitle("För stor fil");
      return problem;
    }
  }
}
