package se.stegvis.sso;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every test of BearerTokenTest again on PostgreSQL, with a provider of its own. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class BearerTokenPostgresTest extends BearerTokenTest {
}
