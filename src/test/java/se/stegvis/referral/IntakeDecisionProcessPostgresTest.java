package se.stegvis.referral;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The intake decision's server-side checks again on PostgreSQL. Every process test's PostgreSQL
 * variant uses the same initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Beslut om insats: kontroller på servern (PostgreSQL)")
class IntakeDecisionProcessPostgresTest extends IntakeDecisionProcessTest {
}
