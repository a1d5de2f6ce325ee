package se.stegvis.referral;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every CoachLoadsInDecisionFormTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class CoachLoadsInDecisionFormPostgresTest extends CoachLoadsInDecisionFormTest {
}
