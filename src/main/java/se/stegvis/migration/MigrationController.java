package se.stegvis.migration;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves running cases to another version of their process, for administrators
 * ({@link AdministratorsOnly}). A dry run first shows what would happen; the migration itself
 * moves every running case of the version, or refuses and moves none.
 */
@RestController
@RequestMapping(MigrationController.PATH)
class MigrationController {

  static final String PATH = "/api/admin/migrations";

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  /** Dry run: what a migration would do, and what stops it. Changes nothing. */
  @Operation(summary = "Provkör en migrering av pågående ärenden till en ny processversion")
  @PostMapping("/plan")
  MigrationReport plan(@RequestBody MigrationRequest request) {
    return migrations.dryRun(request);
  }

  /** Migrates every running case of the source version, in one transaction, or none (409 with the report). */
  @Operation(summary = "Migrera pågående ärenden till en ny processversion")
  @PostMapping
  MigrationReport migrate(@RequestBody MigrationRequest request) {
    if (!Boolean.TRUE.equals(request.confirm())) {
      throw MigrationRequestException.invalid("Bekräfta migreringen med \"confirm\": true. "
          + "Gör först en provkörning med POST " + PATH + "/plan och läs rapporten.");
    }
    return migrations.migrate(request);
  }
}
