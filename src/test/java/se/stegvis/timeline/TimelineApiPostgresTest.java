package se.stegvis.timeline;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every TimelineApiTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class TimelineApiPostgresTest extends TimelineApiTest {
}
