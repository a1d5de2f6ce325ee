package se.stegvis.casefile;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** CoachNoteApiTest on PostgreSQL, whose row locks and isolation decide the races in production. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class CoachNoteApiPostgresTest extends CoachNoteApiTest {
}
