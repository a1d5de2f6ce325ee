package se.stegvis.placement;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCode;
import se.stegvis.codes.ReferenceCodes;

/**
 * The workplace registry: staff read it; placement coordinators and administrators add and change
 * workplaces. Referrers, who work outside the association, do not see it.
 */
@RestController
@RequestMapping("/api/workplaces")
class WorkplaceController {

  /** One choice of a code list, as the page's selects show it. */
  record Code(String code, String label) {
    static List<Code> of(List<ReferenceCode> codes) {
      return codes.stream().map(c -> new Code(c.code(), c.label())).toList();
    }
  }

  record Codes(List<Code> sectors, List<Code> employerKinds) {
  }

  private final WorkplaceRegistry registry;
  private final CaseAccess access;
  private final ReferenceCodes codes;

  WorkplaceController(WorkplaceRegistry registry, CaseAccess access, ReferenceCodes codes) {
    this.registry = registry;
    this.access = access;
    this.codes = codes;
  }

  @Operation(summary = "Sök i praktikplatsregistret")
  @GetMapping
  List<WorkplaceView> list(@RequestParam(required = false) String sector, @RequestParam(required = false) String area,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeInactive) {
    return registry.list(sector, area, q, includeInactive);
  }

  /** The code lists the registry's page offers. */
  @Operation(summary = "Kodlistor för praktikplatsregistret (sektor, arbetsgivartyp)")
  @GetMapping("/codes")
  Codes codes() {
    return new Codes(Code.of(codes.list(CodeSet.SECTOR)), Code.of(codes.list(CodeSet.EMPLOYER_KIND)));
  }

  @Operation(summary = "En praktikplats")
  @GetMapping("/{id}")
  WorkplaceView get(@PathVariable Long id) {
    return registry.get(id);
  }

  @Operation(summary = "Registrera en ny praktikplats")
  @PostMapping
  ResponseEntity<WorkplaceView> register(@RequestBody Map<String, Object> body) {
    String userId = access.viewer().userId();
    WorkplaceView created = registry.register(body, userId);
    return ResponseEntity.created(URI.create("/api/workplaces/" + created.id())).body(created);
  }

  @Operation(summary = "Ändra en praktikplats")
  @PutMapping("/{id}")
  WorkplaceView update(@PathVariable Long id, @RequestBody Map<String, Object> body) {
    return registry.update(id, body, access.viewer().userId());
  }
}
