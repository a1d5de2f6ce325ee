package se.stegvis.migration;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The migrations again on PostgreSQL: the rolled-back dry run and the refused migration leave the
 * database as it was, and the committed one moves cases, timers and deadline rows together. Its own
 * context on its own fresh database (the class deploys changed models), closed after the class.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Migrering: pågående ärenden till en ny processversion (PostgreSQL)")
class ProcessMigrationPostgresTest extends ProcessMigrationTest {
}
