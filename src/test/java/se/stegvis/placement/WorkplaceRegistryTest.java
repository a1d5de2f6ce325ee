package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.support.AlsoOnPostgres;

/** The workplace registry and matching: validation, capacity, and which workplaces a request is offered. */
@DisplayName("Praktikplatsregister och matchning")
@AlsoOnPostgres
class WorkplaceRegistryTest extends PlacementTest {

  @Test
  @DisplayName("en arbetsplats registreras med arbetsgivare, normaliserat postnummer och alla platser lediga")
  void aWorkplaceIsRegistered() {
    String area = newArea();
    Map<String, Object> entry = workplaceEntry("CARE", area, 3, false);
    entry.put("organisationNumber", "2120001975");
    entry.put("employerKind", "MUNICIPAL");
    entry.put("employerName", "Lindesbergs kommun");
    WorkplaceView saved = registry.register(entry, COORDINATOR);
    assertThat(saved.organisationNumber()).isEqualTo("212000-1975");
    assertThat(saved.employerKindLabel()).isEqualTo("Kommun");
    assertThat(saved.sectorLabel()).isEqualTo("Vård och omsorg");
    assertThat(saved.postalCode()).isEqualTo("711 30");
    assertThat(saved.capacity()).isEqualTo(3);
    assertThat(saved.free()).isEqualTo(3);
    assertThat(saved.introducedOn()).isNull();
    assertThat(registry.list("CARE", area, null, false)).extracting(WorkplaceView::id).containsExactly(saved.id());

    Map<String, Object> second = workplaceEntry("RETAIL", area, 1, true);
    second.put("organisationNumber", "212000-1975");
    second.put("employerKind", "MUNICIPAL");
    second.put("employerName", "Lindesbergs kommun");
    assertThat(registry.register(second, COORDINATOR).organisationNumber())
        .as("one employer, two workplaces").isEqualTo("212000-1975");
    assertThat(jdbc.queryForObject("select count(*) from employer where organisation_number = '212000-1975'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  @DisplayName("ogiltiga uppgifter avvisas på svenska, alla fel på en gång, och inget sparas")
  void invalidEntriesAreRefused() {
    int before = jdbc.queryForObject("select count(*) from workplace", Integer.class);
    Map<String, Object> entry = workplaceEntry("CARE", newArea(), 2, false);
    entry.put("organisationNumber", "556036-0794");
    entry.put("postalCode", "7113");
    entry.put("capacity", 51);
    entry.put("sector", "SPACE");
    entry.put("contactPhone", null);
    entry.put("contactEmail", "inte-en-adress");
    assertThatThrownBy(() -> registry.register(entry, COORDINATOR)).isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("Organisationsnummer: kontrollsiffran stämmer inte")
        .hasMessageContaining("Postnummer: skriv fem siffror")
        .hasMessageContaining("Antal praktikplatser: ska vara ett heltal mellan 0 och 50")
        .hasMessageContaining("Bransch: \"SPACE\" är inte ett giltigt värde")
        .hasMessageContaining("Kontaktpersonens e-post: skriv en e-postadress");

    Map<String, Object> company = workplaceEntry("CARE", newArea(), 2, false);
    company.put("employerKind", "MUNICIPAL");
    assertThatThrownBy(() -> registry.register(company, COORDINATOR))
        .hasMessageContaining("kommuner, regioner och statliga myndigheter har nummer som börjar med 2");
    assertThat(jdbc.queryForObject("select count(*) from workplace", Integer.class)).isEqualTo(before);
  }

  @Test
  @DisplayName("en arbetsplats utan lediga platser kan inte matchas: tydligt besked, begäran och uppgiften står kvar")
  void aWorkplaceOverCapacityIsRefused() {
    String area = newArea();
    WorkplaceView onePlace = workplace("REUSE", area, 1, true);
    CaseFile first = activeCase(LocalDate.of(2026, 9, 7));
    CaseFile second = activeCase(LocalDate.of(2026, 9, 7));
    requestOn(LocalDate.of(2026, 9, 8), first, "REUSE", area);
    requestOn(LocalDate.of(2026, 9, 8), second, "REUSE", area);
    completePlacementOn(LocalDate.of(2026, 9, 9), first, "matchWorkplace", COORDINATOR,
        match(onePlace.id(), LocalDate.of(2026, 9, 9)));

    String taskBefore = placementTask(second, "matchWorkplace").getId();
    assertThatThrownBy(() -> completePlacementOn(LocalDate.of(2026, 9, 9), second, "matchWorkplace", COORDINATOR,
        match(onePlace.id(), LocalDate.of(2026, 9, 9))))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Arbetsplats: " + onePlace.name() + " har inga lediga praktikplatser (1 av 1 upptagna). Välj en"
            + " annan arbetsplats eller öka antalet platser i registret.");
    assertThat(current(second).getStatus()).isEqualTo(PlacementStatus.REQUESTED);
    assertThat(current(second).getWorkplaceId()).isNull();
    assertThat(placementTask(second, "matchWorkplace").getId()).isEqualTo(taskBefore);
    assertThat(matching.matches(current(second))).extracting(WorkplaceMatching.Match::workplaceId)
        .doesNotContain(onePlace.id());

    // The registry cannot take the place away from the participant who has it, nor close the workplace.
    WorkplaceView full = registry.get(onePlace.id());
    Map<String, Object> fewer = workplaceEntry("REUSE", area, 0, true);
    fewer.put("version", full.version());
    assertThatThrownBy(() -> registry.update(onePlace.id(), fewer, COORDINATOR))
        .hasMessageContaining("Antal praktikplatser: kan inte vara färre än de 1 praktiker");
    Map<String, Object> closed = workplaceEntry("REUSE", area, 1, true);
    closed.put("version", full.version());
    closed.put("active", false);
    assertThatThrownBy(() -> registry.update(onePlace.id(), closed, COORDINATOR))
        .hasMessageContaining("Aktiv: arbetsplatsen har 1 pågående praktik(er)");

    // One more place: the second participant's open matching task is offered it at once.
    Map<String, Object> more = workplaceEntry("REUSE", area, 2, true);
    more.put("version", full.version());
    assertThat(registry.update(onePlace.id(), more, COORDINATOR).free()).isEqualTo(1);
    assertThat(taskService.getVariableLocal(taskBefore, WorkplaceMatching.OPTIONS).toString())
        .contains("\"value\":\"" + onePlace.id() + "\"");
    completePlacementOn(LocalDate.of(2026, 9, 10), second, "matchWorkplace", COORDINATOR,
        match(onePlace.id(), LocalDate.of(2026, 9, 10)));
    assertThat(registry.get(onePlace.id()).free()).isZero();
  }

  @Test
  @DisplayName("en ändring mot en inaktuell version avvisas (någon annan har ändrat)")
  void aStaleUpdateIsRefused() {
    WorkplaceView saved = workplace("OFFICE", newArea(), 2, true);
    Map<String, Object> change = workplaceEntry("OFFICE", saved.area(), 3, true);
    change.put("version", saved.version());
    WorkplaceView changed = registry.update(saved.id(), change, COORDINATOR);
    assertThat(changed.capacity()).isEqualTo(3);
    assertThat(changed.version()).isGreaterThan(saved.version());
    assertThatThrownBy(() -> registry.update(saved.id(), change, COORDINATOR))
        .isInstanceOf(PlacementRefusedException.class).hasMessageContaining("Någon annan har ändrat arbetsplatsen");
  }

  @Test
  @DisplayName("matchningen ger bara aktiva arbetsplatser i önskad bransch med lediga platser, önskad ort först")
  void matchingOffersFreeWorkplacesInTheWishedSector() {
    String wished = newArea();
    String elsewhere = newArea();
    WorkplaceView inArea = workplace("MANUFACTURING", wished, 2, true);
    WorkplaceView inAreaNotIntroduced = workplace("MANUFACTURING", wished, 5, false);
    WorkplaceView farAway = workplace("MANUFACTURING", elsewhere, 4, true);
    WorkplaceView full = workplace("MANUFACTURING", wished, 0, true);
    WorkplaceView otherSector = workplace("CARE", wished, 3, true);
    WorkplaceView inactive = workplace("MANUFACTURING", wished, 3, true);
    Map<String, Object> closing = workplaceEntry("MANUFACTURING", wished, 3, true);
    closing.put("version", inactive.version());
    closing.put("active", false);
    registry.update(inactive.id(), closing, COORDINATOR);

    CaseFile c = activeCase(LocalDate.of(2026, 10, 5));
    Placement placement = requestOn(LocalDate.of(2026, 10, 6), c, "MANUFACTURING", wished.toUpperCase());
    var matches = matching.matches(placement);

    assertThat(matches).allSatisfy(m -> {
      assertThat(m.sectorLabel()).isEqualTo("Industri och tillverkning");
      assertThat(m.free()).isPositive();
    });
    assertThat(matches).extracting(WorkplaceMatching.Match::workplaceId)
        .doesNotContain(full.id(), otherSector.id(), inactive.id());
    assertThat(matches.subList(0, 2)).as("the wished area first, introduced before not introduced")
        .extracting(WorkplaceMatching.Match::workplaceId).containsExactly(inArea.id(), inAreaNotIntroduced.id());
    assertThat(matches).extracting(WorkplaceMatching.Match::workplaceId).contains(farAway.id());
    assertThat(matches.get(0).label()).isEqualTo(inArea.name() + ", " + wished + " – " + inArea.employerName()
        + " (2 lediga platser)");
    assertThat(matches.get(1).label()).endsWith("(5 lediga platser, ej introducerad)");
  }
}
