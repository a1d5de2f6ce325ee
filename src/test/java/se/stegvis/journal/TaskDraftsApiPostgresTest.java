package se.stegvis.journal;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every TaskDraftsApiTest again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class TaskDraftsApiPostgresTest extends TaskDraftsApiTest {
}
