package se.stegvis.disclosure;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every ExtractApiTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class ExtractApiPostgresTest extends ExtractApiTest {
}
