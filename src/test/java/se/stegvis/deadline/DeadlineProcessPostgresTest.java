package se.stegvis.deadline;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The deadline boundaries again on PostgreSQL. Every process test's PostgreSQL variant uses the
 * same initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Tidsfrister: gränserna med motorns klocka (Europe/Stockholm) (PostgreSQL)")
class DeadlineProcessPostgresTest extends DeadlineProcessTest {
}
