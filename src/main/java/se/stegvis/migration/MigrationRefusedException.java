package se.stegvis.migration;

/** The migration was not carried out because something stops it; nothing was changed. */
class MigrationRefusedException extends RuntimeException {

  private final MigrationReport report;

  MigrationRefusedException(MigrationReport report) {
    super("Migreringen gjordes inte: " + String.join(" ", report.problems()));
    this.report = report;
  }

  MigrationReport report() {
    return report;
  }
}
