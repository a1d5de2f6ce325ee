package se.stegvis.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A versioned Flyway migration written in Java, whose version and description are given by the
 * subclass rather than read from its class name: Flyway's {@code BaseJavaMigration} needs a class
 * named like {@code V15__search_log_append_only}, which cannot spell a description such as
 * "search log append-only". Like {@code BaseJavaMigration}, it records no checksum and runs in the
 * migration's transaction. The version and description are what {@code flyway_schema_history}
 * holds for it, so once applied they must never change: {@code flyway validate} would fail.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  protected VersionedJavaMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
