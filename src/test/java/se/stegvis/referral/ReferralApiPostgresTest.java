package se.stegvis.referral;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every referral API test again on a fresh PostgreSQL database: constraints, types and rollbacks as in production. */
@EnabledIfPostgres
class ReferralApiPostgresTest extends ReferralApiTest {

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry r) {
    PostgresTestDatabase.register(r);
  }
}
