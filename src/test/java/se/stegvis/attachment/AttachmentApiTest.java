package se.stegvis.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Bilagor: PDF, JPEG och PNG upp till 10 MB efter innehållet, lagras med kontrollsumma, hämtas som fil")
@AlsoOnPostgres
class AttachmentApiTest extends ApiTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] EXE = concat(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "This program cannot be run".getBytes());
  static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, new byte[32]);

  @Test
  @DisplayName("en PDF tas emot med SHA-256, listas och hämtas som bilaga med nosniff; läsningarna loggas")
  void pdfIsStoredListedAndDownloaded() throws Exception {
    CaseFile c = caseOfToday();

    HttpResponse<String> uploaded = upload(c, "intyg.pdf", "application/pdf", PDF, COACH);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode attachment = json.readTree(uploaded.body());
    assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(attachment.path("sizeBytes").asInt()).isEqualTo(PDF.length);
    assertThat(attachment.path("sha256").asText()).isEqualTo(Attachments.sha256(PDF)).hasSize(64);
    assertThat(ok(get(attachments(c), ADMIN)).findValuesAsText("fileName")).containsExactly("intyg.pdf");

    long before = jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'READ'",
        Long.class, c.getId());
    HttpResponse<byte[]> download = http.send(authorized(attachments(c) + "/" + attachment.path("id").asLong(), COACH)
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).startsWith("attachment;").contains("intyg.pdf"));
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'READ'",
        Long.class, c.getId())).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select resource from audit_entry where case_id = ? order by id desc limit 1",
        String.class, c.getId())).startsWith("Bilaga hämtad");
  }

  @Test
  @DisplayName("en .exe omdöpt till .pdf, en textfil och en fil över 10 MB nekas på svenska, inget sparas")
  void otherContentAndTooLargeFilesAreRefused() throws Exception {
    CaseFile c = caseOfToday();
    byte[] tooLarge = Arrays.copyOf(PDF, Attachments.MAX_BYTES + 1);

    HttpResponse<String> exe = upload(c, "intyg.pdf", "application/pdf", EXE, COACH);
    HttpResponse<String> text = upload(c, "anteckning.png", "image/png", "hej".getBytes(), COACH);
    HttpResponse<String> large = upload(c, "stor.pdf", "application/pdf", tooLarge, COACH);

    assertThat(exe.body()).contains("Filen är inte en PDF, JPEG eller PNG");
    assertThat(text.body()).contains("Filen är inte en PDF, JPEG eller PNG");
    assertThat(large.body()).contains("Filen är för stor: högst 10 MB");
    for (HttpResponse<String> refused : List.of(exe, text, large)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(upload(c, "exakt.pdf", "application/pdf", Arrays.copyOf(PDF, Attachments.MAX_BYTES), COACH)
        .statusCode()).as("exactly 10 MB").isEqualTo(201);
    assertThat(upload(c, "bild", "application/octet-stream", PNG, COACH).statusCode()).isEqualTo(201);
    assertThat(jdbc.queryForList("select file_name from attachment where case_id = ? order by id", String.class,
        c.getId())).containsExactly("exakt.pdf", "bild.png");
  }

  @Test
  @DisplayName("bara de som skriver i ärendet bifogar; den som inte ser ärendet får 404")
  void onlyWritersUpload() throws Exception {
    CaseFile c = caseOfToday();

    // The access matrix (WRITE_CASE): the case's coach and administrators upload; the project's
    // manager reads but may not write (403); another coach does not see the case (404).
    assertThat(upload(c, "a.pdf", "application/pdf", PDF, MANAGER).statusCode()).isEqualTo(403);
    assertThat(get(attachments(c), MANAGER).statusCode()).isEqualTo(200);
    assertThat(upload(c, "a.pdf", "application/pdf", PDF, OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(get(attachments(c), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(upload(c, "a.pdf", "application/pdf", PDF, COACH).statusCode()).isEqualTo(201);
    assertThat(upload(c, "b.pdf", "application/pdf", PDF, ADMIN).statusCode()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from attachment where case_id = ?", Long.class, c.getId()))
        .isEqualTo(2);
  }

  private CaseFile caseOfToday() {
    CaseFile c = activeCase(LocalDate.now().minusDays(20));
    clockAt(LocalDate.now(), MORNING);
    return c;
  }

  private HttpResponse<String> upload(CaseFile c, String name, String type, byte[] content, String user)
      throws Exception {
    String boundary = "stegvis-test-boundary";
    var body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(authorized(attachments(c), user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder authorized(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  static String attachments(CaseFile c) {
    return "/api/cases/" + c.getCaseNumber() + "/attachments";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
