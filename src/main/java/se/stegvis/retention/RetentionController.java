package se.stegvis.retention;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.time.EngineClock;

/** The gallring dry run for administrators: what tonight's run would delete, and why. */
@RestController
class RetentionController {

  record DryRun(LocalDate today, int retentionYears, List<Gallring.ExpiredCase> cases) {
  }

  private final Gallring gallring;
  private final RetentionPolicy policy;
  private final CaseAccess access;
  private final EngineClock clock;

  RetentionController(Gallring gallring, RetentionPolicy policy, CaseAccess access, EngineClock clock) {
    this.gallring = gallring;
    this.policy = policy;
    this.access = access;
    this.clock = clock;
  }

  @Operation(summary = "Provkörning av gallring: vad nattens körning skulle radera och varför")
  @GetMapping("/api/retention/dry-run")
  DryRun dryRun() {
    if (!access.viewer().isAdministrator()) {
      throw new VisibleCases.RoleRefused("Gallringslistan är till för administratörer.");
    }
    LocalDate today = clock.today();
    return new DryRun(today, policy.years(), gallring.dryRun(today));
  }
}
