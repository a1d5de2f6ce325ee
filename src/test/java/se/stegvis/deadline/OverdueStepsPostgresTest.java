package se.stegvis.deadline;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The overdue view's counting, paging and visibility in SQL again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Försenade steg: chefens vy över missade tidsfrister (PostgreSQL)")
class OverdueStepsPostgresTest extends OverdueStepsTest {
}
