package se.stegvis.referral;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every referral API test again on a fresh PostgreSQL database: constraints, types and rollbacks as in production. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class ReferralApiPostgresTest extends ReferralApiTest {
}
