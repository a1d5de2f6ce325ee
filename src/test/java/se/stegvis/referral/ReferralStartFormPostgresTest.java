package se.stegvis.referral;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The start form tests, double submissions included, on PostgreSQL: its row locks and unique keys decide the races. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class ReferralStartFormPostgresTest extends ReferralStartFormTest {
}
