package se.stegvis.meeting;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.EnabledIfPostgres;

/**
 * The meeting cadence again on PostgreSQL. Every process test's PostgreSQL variant uses the same
 * initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = CaseProcessTest.OnPostgres.class)
@DisplayName("Flerpartssamtal: varannan månad från start (PostgreSQL)")
class MeetingProcessPostgresTest extends MeetingProcessTest {
}
