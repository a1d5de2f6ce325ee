package se.stegvis.plan;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The plan and proposal checks again on PostgreSQL. Every process test's PostgreSQL variant uses
 * the same initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Handlingsplan och förslag till åtgärd: kontroller på servern (PostgreSQL)")
class PlanAndProposalProcessPostgresTest extends PlanAndProposalProcessTest {
}
