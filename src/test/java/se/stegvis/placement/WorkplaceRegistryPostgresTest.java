package se.stegvis.placement;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The registry, capacity and matching again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Praktikplatsregister och matchning (PostgreSQL)")
class WorkplaceRegistryPostgresTest extends WorkplaceRegistryTest {
}
