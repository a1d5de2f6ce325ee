package se.stegvis.placement;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * The registry of employers and workplaces that take participants on placement, kept by the
 * placement coordinators. Every change is validated as a whole (nothing is half-saved), and a
 * workplace cannot have fewer places than placements it holds, nor be made inactive while it
 * holds any. Open matching tasks see a change at once.
 */
@Service
public class WorkplaceRegistry {

  private static final Pattern POSTAL_CODE = Pattern.compile("(\\d{3}) ?(\\d{2})");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,38}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int MAX_CAPACITY = 50;

  private final EmployerRepository employers;
  private final WorkplaceRepository workplaces;
  private final PlacementRepository placements;
  private final WorkplaceMatching matching;
  private final ReferenceCodes codes;
  private final EngineClock clock;

  WorkplaceRegistry(EmployerRepository employers, WorkplaceRepository workplaces, PlacementRepository placements,
      WorkplaceMatching matching, ReferenceCodes codes, EngineClock clock) {
    this.employers = employers;
    this.workplaces = workplaces;
    this.placements = placements;
    this.matching = matching;
    this.codes = codes;
    this.clock = clock;
  }

  private record Entry(OrganisationNumber number, String employerName, String employerKind, WorkplaceDetails details) {
  }

  /** Workplaces, optionally of one sector, in one area, or whose name, employer or area contains the search text. */
  @Transactional(readOnly = true)
  public List<WorkplaceView> list(String sector, String area, String search, boolean includeInactive) {
    Map<Long, Integer> taken = matching.placesTaken();
    String needle = search == null ? null : search.strip().toLowerCase(Locale.ROOT);
    return workplaces.findAllWithEmployer().stream()
        .filter(w -> includeInactive || w.isActive())
        .filter(w -> sector == null || sector.isBlank() || sector.equals(w.getSector()))
        .filter(w -> area == null || area.isBlank() || area.strip().equalsIgnoreCase(w.getArea()))
        .filter(w -> needle == null || needle.isEmpty()
            || (w.getName() + " " + w.getEmployer().getName() + " " + w.getArea()).toLowerCase(Locale.ROOT)
                .contains(needle))
        .map(w -> view(w, taken.getOrDefault(w.getId(), 0)))
        .toList();
  }

  @Transactional(readOnly = true)
  public WorkplaceView get(Long id) {
    Workplace workplace = workplaces.findById(id)
        .orElseThrow(() -> PlacementRefusedException.notFound("Arbetsplatsen finns inte i registret."));
    return view(workplace, taken(id));
  }

  @Transactional
  public WorkplaceView register(Map<String, ?> body, String userId) {
    Entry entry = read(body, true, 0);
    Workplace workplace = workplaces.save(new Workplace(employer(entry), entry.details(), userId, clock.now()));
    matching.refreshOpenMatchTasks();
    return view(workplace, 0);
  }

  /** Changes a workplace; {@code version} in the body must be the one the user saw. */
  @Transactional
  public WorkplaceView update(Long id, Map<String, ?> body, String userId) {
    Workplace workplace = workplaces.findForUpdate(id)
        .orElseThrow(() -> PlacementRefusedException.notFound("Arbetsplatsen finns inte i registret."));
    if (!(body.get("version") instanceof Number seen) || seen.longValue() != workplace.getVersion()) {
      throw PlacementRefusedException.conflict(
          "Någon annan har ändrat arbetsplatsen sedan du öppnade den. Läs in den igen och gör om ändringen.");
    }
    int taken = taken(id);
    Entry entry = read(body, false, taken);
    workplace.change(employer(entry), entry.details(), userId, clock.now());
    workplaces.flush();
    matching.refreshOpenMatchTasks();
    return view(workplace, taken);
  }

  private Employer employer(Entry entry) {
    Employer employer = employers.findByOrganisationNumber(entry.number().value())
        .orElseGet(() -> employers.save(new Employer(entry.number(), entry.employerName(), entry.employerKind(),
            clock.now())));
    employer.rename(entry.employerName(), entry.employerKind());
    return employer;
  }

  private int taken(Long workplaceId) {
    return placements.countByWorkplaceIdAndStatusIn(workplaceId, PlacementStatus.OCCUPYING);
  }

  /** Validates a whole entry at once; {@code taken} is the number of placements the workplace holds now. */
  private Entry read(Map<String, ?> body, boolean creating, int taken) {
    var v = new FormValues(body, codes, clock.today());
    OrganisationNumber number = null;
    String organisationNumber = v.text("organisationNumber", "Organisationsnummer", true, 13);
    if (organisationNumber != null) {
      try {
        number = OrganisationNumber.parse(organisationNumber);
      } catch (IllegalArgumentException e) {
        v.check(false, e.getMessage());
      }
    }
    String employerName = v.text("employerName", "Arbetsgivare", true, 200);
    String employerKind = v.code("employerKind", "Typ av arbetsgivare", CodeSet.EMPLOYER_KIND, true);
    v.check(number == null || employerKind == null || number.fits(employerKind),
        "Organisationsnummer: kommuner, regioner och statliga myndigheter har nummer som börjar med 2.");
    String name = v.text("name", "Arbetsplats", true, 200);
    String street = v.text("streetAddress", "Besöksadress", true, 200);
    String postal = v.text("postalCode", "Postnummer", true, 6);
    var postalMatch = postal == null ? null : POSTAL_CODE.matcher(postal);
    v.check(postalMatch == null || postalMatch.matches(), "Postnummer: skriv fem siffror, till exempel 711 30.");
    String area = v.text("area", "Ort", true, 100);
    String sector = v.code("sector", "Bransch", CodeSet.SECTOR, true);
    String contactName = v.text("contactName", "Kontaktperson", true, 200);
    String contactPhone = v.text("contactPhone", "Kontaktpersonens telefon", false, 40);
    String contactEmail = v.text("contactEmail", "Kontaktpersonens e-post", false, 200);
    v.check(contactPhone != null || contactEmail != null, "Kontaktperson: ange telefon eller e-post.");
    v.check(contactPhone == null || PHONE.matcher(contactPhone).matches(),
        "Kontaktpersonens telefon: skriv bara siffror, mellanslag och bindestreck, till exempel 0581-811 00.");
    v.check(contactEmail == null || EMAIL.matcher(contactEmail).matches(),
        "Kontaktpersonens e-post: skriv en e-postadress som namn@exempel.se.");
    String supervisorName = v.text("supervisorName", "Handledare", false, 200);
    String supervisorPhone = v.text("supervisorPhone", "Handledarens telefon", false, 40);
    v.check(supervisorPhone == null || PHONE.matcher(supervisorPhone).matches(),
        "Handledarens telefon: skriv bara siffror, mellanslag och bindestreck.");
    var introducedOn = v.date("introducedOn", "Introduktion genomförd", false);
    Integer capacity = v.number("capacity", "Antal praktikplatser", 0, MAX_CAPACITY, true);
    boolean active = creating || body.get("active") == null || v.flag("active", "Aktiv");
    v.check(capacity == null || capacity >= taken, "Antal praktikplatser: kan inte vara färre än de " + taken
        + " praktiker som arbetsplatsen har nu.");
    v.check(active || taken == 0, "Aktiv: arbetsplatsen har " + taken
        + " pågående praktik(er) och kan göras inaktiv först när de har avslutats.");
    v.requireValid();
    return new Entry(number, employerName, employerKind, new WorkplaceDetails(name, street,
        postalMatch.group(1) + " " + postalMatch.group(2), area, sector, contactName, contactPhone, contactEmail,
        supervisorName, supervisorPhone, introducedOn, capacity, active));
  }

  WorkplaceView view(Workplace w, int taken) {
    Employer e = w.getEmployer();
    return new WorkplaceView(w.getId(), w.getVersion(), e.getOrganisationNumber(), e.getName(), e.getKind(),
        codes.label(CodeSet.EMPLOYER_KIND, e.getKind()), w.getName(), w.getStreetAddress(), w.getPostalCode(),
        w.getArea(), w.getSector(), codes.label(CodeSet.SECTOR, w.getSector()), w.getContactName(),
        w.getContactPhone(), w.getContactEmail(), w.getSupervisorName(), w.getSupervisorPhone(), w.getIntroducedOn(),
        w.getCapacity(), taken, Math.max(0, w.getCapacity() - taken), w.isActive());
  }
}
