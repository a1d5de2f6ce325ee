package se.stegvis.placement;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every placement path again on PostgreSQL (row locks on the workplace, element collections, timers). */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Praktik: från begäran till utfall (PostgreSQL)")
class PlacementProcessPostgresTest extends PlacementProcessTest {
}
