package se.stegvis.attachment;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every AttachmentApiTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class AttachmentApiPostgresTest extends AttachmentApiTest {
}
