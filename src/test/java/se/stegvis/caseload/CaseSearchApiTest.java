package se.stegvis.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Sök deltagare och Mina deltagare: namn utan accenter, personnummer i alla former, ärendenummer, behörighet, logg")
@AlsoOnPostgres
class CaseSearchApiTest extends ApiTest {

  private static final AtomicInteger PEOPLE = new AtomicInteger(700);

  @Test
  @DisplayName("namn utan å, ä, ö och i valfri skiftläge hittar Åsa Östlund; personnummer i fyra former och ärendenummer hittar henne")
  void findsAPersonByNameNumberAndCase() throws Exception {
    LocalDate birth = LocalDate.of(1988, 3, 14).plusDays(PEOPLE.incrementAndGet());
    String number = personnummer(birth, 400 + PEOPLE.get() % 500);
    String surname = "Östlund" + suffix();
    CaseFile c = activeCaseOf("Åsa", surname, number, COACH);

    JsonNode byName = search("asa " + ascii(surname), "open", COACH);
    assertThat(byName).hasSize(1);
    assertThat(byName.get(0).path("caseNumber").asText()).isEqualTo(c.getCaseNumber());
    assertThat(byName.get(0).path("name").asText()).isEqualTo("Åsa " + surname);
    assertThat(byName.get(0).path("coachName").asText()).isEqualTo("Cora Coach");
    assertThat(byName.get(0).path("nextStep").asText()).isEqualTo("Handlingsplan (14 dagar)");
    assertThat(byName.get(0).path("status").asText()).isEqualTo("open");
    assertThat(search("ÅSA " + surname.toUpperCase(), "open", COACH)).hasSize(1);

    String digits = number.replace("-", "");
    for (String form : List.of(number, digits, number.substring(2), digits.substring(2))) {
      assertThat(search(form, "all", COACH)).as(form).extracting(n -> n.path("caseNumber").asText())
          .containsExactly(c.getCaseNumber());
    }
    assertThat(search(c.getCaseNumber().toLowerCase(), "all", COACH)).hasSize(1);
  }

  @Test
  @DisplayName("samordningsnummer med och utan sekel och bindestreck")
  void findsBySamordningsnummer() throws Exception {
    String number = samordningsnummer(LocalDate.of(1991, 6, 2).plusDays(PEOPLE.incrementAndGet()), 321);
    CaseFile c = activeCaseOf("Sam", "Ordning" + suffix(), number, COACH);
    String digits = number.replace("-", "");
    for (String form : List.of(number, digits, number.substring(2), digits.substring(2))) {
      assertThat(search(form, "all", COACH)).as(form).extracting(n -> n.path("caseNumber").asText())
          .containsExactly(c.getCaseNumber());
    }
  }

  @Test
  @DisplayName("avslutade ärenden hittas under Avslutade och Alla, inte under Pågående")
  void exitedCasesAreFoundUnderExited() throws Exception {
    String surname = "Ärlig" + suffix();
    CaseFile c = activeCaseOf("Örjan", surname, personnummer(LocalDate.of(1979, 1, 1).plusDays(PEOPLE.incrementAndGet()), 512), COACH);
    LocalDate exited = LocalDate.now().plusDays(5);
    completeOn(exited, c, "makeActionPlan", COACH, actionPlan(exited));
    completeOn(exited, c, "exitParticipation", COACH, exit(exited, "WORK"));

    assertThat(search("orjan " + ascii(surname), "open", COACH)).isEmpty();
    assertThat(search("orjan " + ascii(surname), "exited", COACH)).extracting(n -> n.path("status").asText())
        .containsExactly("exited");
    assertThat(search("orjan " + ascii(surname), null, COACH)).isEmpty(); // open by default
    assertThat(search("orjan " + ascii(surname), "all", COACH)).hasSize(1);
  }

  @Test
  @DisplayName("bara de roller som får läsa ärendet hittar det: coachen och chefen, inte en annan coach, remittenten eller en annan insats chef")
  void onlyThoseWhoMayReadTheCaseFindIt() throws Exception {
    String surname = "Åkerström" + suffix();
    CaseFile c = activeCaseOf("Tove", surname,
        personnummer(LocalDate.of(1984, 5, 5).plusDays(PEOPLE.incrementAndGet()), 611), COACH);
    String q = "tove " + ascii(surname);
    assertThat(search(q, "all", COACH)).hasSize(1);
    assertThat(search(q, "all", MANAGER)).hasSize(1);
    // The access matrix: a placement coordinator reads only the cases with a placement.
    assertThat(search(q, "all", COORDINATOR)).as("no placement yet").isEmpty();
    clockAt(LocalDate.now(), MORNING);
    ok(send("POST", "/api/cases/" + c.getCaseNumber() + "/placements", Map.of("sectorWish", "CARE"), COACH));
    assertThat(search(q, "all", COORDINATOR)).as("a placement in the case").hasSize(1);
    assertThat(search(q, "all", OTHER_COACH)).isEmpty();
    // A referrer searches no cases at all: the access matrix gives her no case lists.
    assertThat(get("/api/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), REFERRER).statusCode()).isEqualTo(403);
    assertThat(search(q, "all", OTHER_MANAGER)).isEmpty();
    assertThat(search(q, "all", WORKING_GROUP_MEMBER)).isEmpty(); // decided: no longer the working group's
  }

  @Test
  @DisplayName("skyddade personuppgifter: bara deltagarens egen coach hittar personen, chefen och administratören inte")
  void protectedIdentityIsFoundOnlyByTheOwnCoach() throws Exception {
    String surname = "Skyddad" + suffix();
    String number = personnummer(LocalDate.of(1990, 9, 9).plusDays(PEOPLE.incrementAndGet()), 733);
    CaseFile c = activeCaseOf("Lisa", surname, number, COACH);
    ok(send("PUT", "/api/cases/" + c.getCaseNumber() + "/participant/protected-identity",
        Map.of("protectedIdentity", true), COACH));

    assertThat(search("lisa " + surname, "all", COACH)).hasSize(1);
    assertThat(search(number, "all", COACH).get(0).path("protectedIdentity").asBoolean()).isTrue();
    for (String user : List.of(MANAGER, ADMIN, COORDINATOR, OTHER_COACH)) {
      assertThat(search("lisa " + surname, "all", user)).as(user).isEmpty();
      assertThat(search(number, "all", user)).as(user).isEmpty();
    }
  }

  @Test
  @DisplayName("varje sökning loggas: vem, när, vad som söktes och antal träffar; varje träff som läsning av ärendet")
  void everySearchIsAudited() throws Exception {
    String surname = "Loggad" + suffix();
    CaseFile c = activeCaseOf("Ulla", surname, personnummer(LocalDate.of(1970, 2, 2).plusDays(PEOPLE.incrementAndGet()), 145), COACH);
    search("ulla " + surname, "all", COACH);
    search("ingen " + surname, "open", OTHER_COACH);

    var entries = jdbc.queryForList("select user_id, sought, status, hits, client from search_entry where sought like ?",
        "%" + surname);
    assertThat(entries).extracting(e -> e.get("USER_ID") == null ? e.get("user_id") : e.get("USER_ID"))
        .containsExactlyInAnyOrder(COACH, OTHER_COACH);
    assertThat(jdbc.queryForObject("select hits from search_entry where sought = ?", Integer.class, "ulla " + surname))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select hits from search_entry where sought = ?", Integer.class, "ingen " + surname))
        .isZero();
    assertThat(jdbc.queryForObject("select status from search_entry where sought = ?", String.class, "ingen " + surname))
        .isEqualTo("open");
    assertThat(jdbc.queryForObject("select client from search_entry where sought = ?", String.class, "ulla " + surname))
        .contains(USER_AGENT);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_number = ? and user_id = ? "
        + "and action = 'READ' and resource like 'Sökträff%'", Integer.class, c.getCaseNumber(), COACH)).isEqualTo(1);
  }

  @Test
  @DisplayName("sökloggen går bara att skriva till: databasen vägrar UPDATE och DELETE (Flyway 15)")
  void theSearchLogIsAppendOnly() throws Exception {
    String surname = "Orubbad" + suffix();
    search("ulla " + surname, "all", COACH);
    long entries = jdbc.queryForObject("select count(*) from search_entry", Long.class);
    assertThat(entries).isPositive();

    assertThatThrownBy(() -> jdbc.update("update search_entry set user_id = 'någon' where sought = ?", "ulla " + surname))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("search_entry is append-only");
    assertThatThrownBy(() -> jdbc.update("update search_entry set hits = 0"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from search_entry where sought = ?", "ulla " + surname))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("search_entry is append-only");
    assertThatThrownBy(() -> jdbc.update("delete from search_entry"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

    assertThat(jdbc.queryForObject("select count(*) from search_entry", Long.class)).isEqualTo(entries);
    assertThat(jdbc.queryForObject("select user_id from search_entry where sought = ?", String.class,
        "ulla " + surname)).isEqualTo(COACH);
    // Searching still writes: INSERT is what the log is for.
    search("ulla " + surname, "all", COACH);
    assertThat(jdbc.queryForObject("select count(*) from search_entry", Long.class)).isEqualTo(entries + 1);
    assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '15' and \"success\"",
        Integer.class)).isOne();
  }

  @Test
  @DisplayName("felaktig sökning: 400 på svenska och inget loggat som sökning")
  void badSearchesAreRefusedInSwedish() throws Exception {
    int before = jdbc.queryForObject("select count(*) from search_entry", Integer.class);
    var tooShort = get("/api/cases?q=a", COACH);
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooShort.body()).path("errors").get(0).asText()).startsWith("Sök: skriv minst två tecken");
    var badCheckDigit = get("/api/cases?q=19640823-3235", COACH);
    assertThat(badCheckDigit.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badCheckDigit.body()).path("detail").asText()).contains("Kontrollsiffran");
    var badStatus = get("/api/cases?q=anna&status=stangda", COACH);
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badStatus.body()).path("detail").asText()).startsWith("Status:");
    assertThat(get("/api/cases?q=anna", null).statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from search_entry", Integer.class)).isEqualTo(before);
  }

  @Test
  @DisplayName("Mina deltagare: coachen ser sina egna, chefen alla i sina insatser grupperade per coach, praktiksamordnaren de ärenden där hon har en praktik")
  void caseloadPerRole() throws Exception {
    CaseFile mine = activeCaseOf("Kalle", "Egen" + suffix(), personnummer(LocalDate.of(1982, 4, 4).plusDays(PEOPLE.incrementAndGet()), 222), COACH);
    CaseFile others = activeCaseOf("Olle", "Annans" + suffix(), personnummer(LocalDate.of(1983, 4, 4).plusDays(PEOPLE.incrementAndGet()), 223), OTHER_COACH);
    jdbc.update("""
        insert into placement (case_id, sequence, status, sector_wish, requested_on, coordinator, version)
        values (?, 1, 'MATCHED', 'CARE', ?, ?, 0)""", others.getId(), LocalDate.now(), COORDINATOR);

    assertThat(ok(get("/api/caseload?status=exited&limit=1", COACH)).path("view").asText()).isEqualTo("COACH");
    List<JsonNode> coach = allRows("/api/caseload", COACH);
    assertThat(coach).extracting(c -> c.path("caseNumber").asText()).contains(mine.getCaseNumber())
        .doesNotContain(others.getCaseNumber());
    JsonNode row = coach.stream().filter(c -> c.path("caseNumber").asText().equals(mine.getCaseNumber())).findFirst()
        .orElseThrow();
    assertThat(row.path("daysInSupport").asInt()).isEqualTo(10);
    assertThat(row.path("nextStep").asText()).isEqualTo("Handlingsplan (14 dagar)");
    assertThat(row.path("dueInDays").asInt()).isEqualTo(4);

    JsonNode manager = ok(get("/api/caseload?limit=1", MANAGER));
    assertThat(manager.path("view").asText()).isEqualTo("MANAGER");
    assertThat(manager.path("cases")).hasSize(1);
    assertThat(allNumbers("/api/caseload", MANAGER)).contains(mine.getCaseNumber(), others.getCaseNumber());
    assertThat(ok(get("/api/caseload", OTHER_MANAGER)).path("cases")).isEmpty();
    assertThat(allNumbers("/api/caseload?project=C2", MANAGER)).contains(mine.getCaseNumber());
    assertThat(ok(get("/api/caseload?project=" + OTHER_PROJECT, MANAGER)).path("cases")).isEmpty();

    assertThat(allNumbers("/api/caseload", COORDINATOR)).contains(others.getCaseNumber())
        .doesNotContain(mine.getCaseNumber());
    assertThat(get("/api/caseload", REFERRER).statusCode()).isEqualTo(403);
    assertThat(allNumbers("/api/caseload?status=exited", COACH)).doesNotContain(mine.getCaseNumber());
    assertThat(caseloadReads(mine, COACH)).isEqualTo(1);
  }

  @Test
  @DisplayName("Mina deltagare en sida i taget: svensk sortering, filter på coach och nästa steg, antal per coach över hela urvalet, bara sidan loggas")
  void caseloadPagedSortedAndCounted() throws Exception {
    String coach = "sidcoach" + PEOPLE.incrementAndGet();
    var user = identityService.newUser(coach);
    user.setFirstName("Sid");
    user.setLastName("Coach " + coach);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(coach, se.stegvis.identity.Groups.COACHES);
    String surname = "Sida" + suffix();
    // Swedish order puts Z before Å and Ö: the order of the names without their accents would not.
    CaseFile z = activeCaseOf("Zelma", surname, personnummer(LocalDate.of(1984, 2, 2).plusDays(PEOPLE.incrementAndGet()), 231), coach);
    CaseFile a = activeCaseOf("Åke", surname, personnummer(LocalDate.of(1984, 2, 2).plusDays(PEOPLE.incrementAndGet()), 232), coach);
    CaseFile o = activeCaseOf("Örjan", surname, personnummer(LocalDate.of(1984, 2, 2).plusDays(PEOPLE.incrementAndGet()), 233), coach);

    JsonNode own = ok(get("/api/caseload", coach));
    assertThat(own.path("view").asText()).isEqualTo("COACH");
    assertThat(numbers(own)).containsExactly(z.getCaseNumber(), a.getCaseNumber(), o.getCaseNumber());
    assertThat(own.path("total").asInt()).isEqualTo(3);

    JsonNode first = ok(get("/api/caseload?coach=" + coach + "&limit=2", MANAGER));
    assertThat(first.path("view").asText()).isEqualTo("MANAGER");
    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(numbers(first)).containsExactly(z.getCaseNumber(), a.getCaseNumber());
    assertThat(numbers(ok(get("/api/caseload?coach=" + coach + "&limit=2&offset=2", MANAGER))))
        .containsExactly(o.getCaseNumber());
    assertThat(numbers(ok(get("/api/caseload?coach=" + coach + "&sort=name&order=desc", MANAGER))))
        .containsExactly(o.getCaseNumber(), a.getCaseNumber(), z.getCaseNumber());
    assertThat(caseloadReads(z, MANAGER)).as("a shown case is logged as read").isEqualTo(2);
    assertThat(caseloadReads(o, MANAGER)).as("read on the second page and in the sorted list").isEqualTo(2);
    JsonNode counts = coachCount(first, coach);
    assertThat(counts.path("coachName").asText()).isEqualTo("Sid Coach " + coach);
    assertThat(counts.path("cases").asInt()).isEqualTo(3);
    assertThat(counts.path("late").asInt()).isZero();
    assertThat(counts.path("dueWithinWeek").asInt()).isEqualTo(3); // the plan is due in 4 days
    // Another order reads the whole selection and counts what it read: the same counts.
    assertThat(coachCount(ok(get("/api/caseload?sort=name&limit=1", MANAGER)), coach)).isEqualTo(counts);
    assertThat(coachCount(own, coach)).isEqualTo(counts);

    assertThat(ok(get("/api/caseload?coach=" + coach + "&due=late", MANAGER)).path("total").asInt()).isZero();
    assertThat(ok(get("/api/caseload?coach=" + coach + "&due=week", MANAGER)).path("total").asInt()).isEqualTo(3);
    clockAt(LocalDate.now().plusDays(20), MORNING);
    JsonNode late = ok(get("/api/caseload?coach=" + coach + "&due=late&limit=1", MANAGER));
    assertThat(late.path("total").asInt()).isEqualTo(3);
    assertThat(late.path("late").asInt()).isEqualTo(3);
    assertThat(late.path("cases").get(0).path("dueInDays").asInt()).isEqualTo(-6);
    assertThat(late.path("cases").get(0).path("nextStep").asText()).isEqualTo("Handlingsplan (14 dagar)");
    assertThat(coachCount(late, coach).path("late").asInt()).isEqualTo(3);
    assertThat(coachCount(late, coach).path("cases").asInt()).as("the counts ignore the filters").isEqualTo(3);

    assertThat(numbers(search(surname, "open", coach, "&sort=name&order=desc")))
        .containsExactly(o.getCaseNumber(), a.getCaseNumber(), z.getCaseNumber());

    // Paged in coach order, only the coaches a page reaches are read: the pages together are the
    // whole list, in order, across the coaches' boundaries, with and without a next-step filter.
    var swedish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("sv-SE"));
    java.util.Comparator<JsonNode> coachOrder = java.util.Comparator
        .comparing((JsonNode r) -> r.path("coachName").isNull() ? null : r.path("coachName").asText(),
            java.util.Comparator.nullsLast(swedish::compare))
        .thenComparing(r -> r.path("coach").isNull() ? null : r.path("coach").asText(),
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
        .thenComparing(r -> r.path("name").asText(), swedish::compare)
        .thenComparing(r -> r.path("caseNumber").asText());
    for (String filter : List.of("", "&due=late", "&due=week")) {
      List<JsonNode> paged = new ArrayList<>();
      JsonNode page;
      do {
        page = ok(get("/api/caseload?limit=9&offset=" + paged.size() + filter, MANAGER));
        page.path("cases").forEach(paged::add);
      } while (page.path("cases").size() > 0 && paged.size() < page.path("total").asInt());
      assertThat(paged).as(filter).hasSize(page.path("total").asInt()).isSortedAccordingTo(coachOrder);
      assertThat(paged.stream().map(r -> r.path("caseNumber").asText()).distinct().count()).isEqualTo(paged.size());
      assertThat(paged).as(filter).allMatch(r -> filter.isEmpty()
          || (filter.endsWith("late") ? r.path("dueInDays").asInt() < 0
              : r.path("dueInDays").asInt() >= 0 && r.path("dueInDays").asInt() <= 7));
    }

    int reads = jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
    for (String bad : List.of("limit=0", "limit=501", "limit=tio", "offset=-1", "sort=alder", "order=upp", "due=snart",
        "status=stangda")) {
      var answer = get("/api/caseload?" + bad, MANAGER);
      assertThat(answer.statusCode()).as(bad).isEqualTo(400);
      assertThat(json.readTree(answer.body()).path("detail").asText()).as(bad)
          .matches("(Sida|Sortering|Ordning|Nästa steg|Status|Parametern).*");
    }
    assertThat(get("/api/cases?q=anna&sort=alder", COACH).statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class)).as("a refused list reads nothing")
        .isEqualTo(reads);
  }

  @Test
  @DisplayName("ärendesidan: remissens skäl, ålder vid remiss, coachens uppgifter med länk till Tasklist och avslut som åtgärd; andra får 404")
  void casePage() throws Exception {
    LocalDate birth = LocalDate.of(1990, 1, 15).plusDays(PEOPLE.incrementAndGet());
    CaseFile c = activeCaseOf("Pia", "Sida" + suffix(), personnummer(birth, 318), COACH);
    JsonNode page = ok(get("/api/cases/" + c.getCaseNumber(), COACH));
    assertThat(page.path("overview").path("caseNumber").asText()).isEqualTo(c.getCaseNumber());
    assertThat(page.path("overview").path("referral").path("reason").asText()).startsWith("Skäl till remissen");
    assertThat(page.path("ageAtReferral").asInt()).isEqualTo(
        java.time.Period.between(birth, c.getReferredOn()).getYears());
    List<String> tasks = new ArrayList<>();
    page.path("tasks").forEach(t -> tasks.add(t.path("name").asText()));
    assertThat(tasks).contains("Upprätta handlingsplan", "Avsluta deltagande");
    assertThat(page.path("tasks").get(0).path("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(page.path("tasks").get(0).path("mine").asBoolean()).isTrue();
    assertThat(page.path("exitTaskId").asText()).isNotBlank();
    assertThat(get("/api/cases/" + c.getCaseNumber(), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_number = ? and resource like 'Ärendesida%'",
        Integer.class, c.getCaseNumber())).isEqualTo(1);
  }

  // ---- helpers ----

  private JsonNode search(String q, String status, String user) throws Exception {
    return search(q, status, user, "");
  }

  private JsonNode search(String q, String status, String user, String more) throws Exception {
    String path = "/api/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + (status == null ? "" : "&status=" + status) + more;
    return ok(get(path, user));
  }

  /** Every case of a caseload, page by page. */
  private List<JsonNode> allRows(String path, String user) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    int total;
    do {
      JsonNode page = ok(get(path + (path.contains("?") ? "&" : "?") + "limit=500&offset=" + all.size(), user));
      total = page.path("total").asInt();
      page.path("cases").forEach(all::add);
      assertThat(page.path("cases").size() > 0 || all.size() >= total).as("a page short of the total is not empty")
          .isTrue();
    } while (all.size() < total);
    return all;
  }

  private List<String> allNumbers(String path, String user) throws Exception {
    return allRows(path, user).stream().map(c -> c.path("caseNumber").asText()).toList();
  }

  private int caseloadReads(CaseFile c, String user) {
    return jdbc.queryForObject("select count(*) from audit_entry where case_number = ? and user_id = ? "
        + "and resource like 'Mina deltagare%'", Integer.class, c.getCaseNumber(), user);
  }

  private static JsonNode coachCount(JsonNode caseload, String coach) {
    for (JsonNode count : caseload.path("coaches")) {
      if (coach.equals(count.path("coach").asText())) {
        return count;
      }
    }
    throw new AssertionError("No count for " + coach);
  }

  /** A person referred 10 days ago, accepted with the coach, participation started today. */
  private CaseFile activeCaseOf(String firstName, String lastName, String number, String coach) {
    LocalDate started = LocalDate.now();
    var form = newPersonReferral(started.minusDays(10));
    form.put("identityNumber", number);
    form.put("firstName", firstName);
    form.put("lastName", lastName);
    clockAt(started.minusDays(10), MORNING);
    CaseFile c = refer(form);
    var acceptance = acceptance(started.minusDays(7));
    acceptance.put("coach", coach);
    completeOn(started.minusDays(7), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance);
    completeOn(started, c, "startParticipation", coach, participationStart(started));
    clockAt(LocalDate.now().plusDays(10), MORNING);
    return reload(c);
  }

  /** The case numbers of a caseload page, or of a search's hits. */
  private static List<String> numbers(JsonNode caseload) {
    List<String> numbers = new ArrayList<>();
    (caseload.isArray() ? caseload : caseload.path("cases")).forEach(c -> numbers.add(c.path("caseNumber").asText()));
    return numbers;
  }

  /** Letters that make this run's names unique, with an å and an ö in them. */
  private static String suffix() {
    StringBuilder s = new StringBuilder();
    for (int n = PEOPLE.incrementAndGet() * 7919 + (int) (System.nanoTime() % 1000); n > 0; n /= 20) {
      s.append("abdefghijklmnoprstuv".charAt(n % 20));
    }
    return s + "åö";
  }

  private static String ascii(String name) {
    return name.replace('Å', 'A').replace('Ä', 'A').replace('Ö', 'O').replace('å', 'a').replace('ä', 'a')
        .replace('ö', 'o');
  }

  /** A valid samordningsnummer: the birth day plus 60, Luhn check digit computed here. */
  private static String samordningsnummer(LocalDate birth, int serial) {
    String date = birth.format(DateTimeFormatter.BASIC_ISO_DATE);
    String nine = date.substring(2, 6) + (Integer.parseInt(date.substring(6)) + 60) + "%03d".formatted(serial);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = Character.digit(nine.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    return date.substring(0, 2) + nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
  }
}
