package se.stegvis.report;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The report tables again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Rapporter (PostgreSQL)")
class ReportFiguresPostgresTest extends ReportFiguresTest {
}
