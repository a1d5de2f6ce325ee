package se.stegvis.retention;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Gallring again on PostgreSQL: its SQL, the engine history deletes and the anonymous rows. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class GallringPostgresTest extends GallringTest {
}
