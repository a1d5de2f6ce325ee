package se.stegvis.report;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The two-year deadline figures again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Tidsfrister över två år (PostgreSQL)")
class DeadlineFiguresPostgresTest extends DeadlineFiguresTest {
}
