package se.stegvis.casefile;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * Every way through the case process again on PostgreSQL. Every process test's PostgreSQL variant
 * uses the same initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Deltagarärende: alla vägar genom processen (PostgreSQL)")
class ParticipantCaseProcessPostgresTest extends ParticipantCaseProcessTest {
}
