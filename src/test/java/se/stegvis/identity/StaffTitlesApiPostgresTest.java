package se.stegvis.identity;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every StaffTitlesApiTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class StaffTitlesApiPostgresTest extends StaffTitlesApiTest {
}
