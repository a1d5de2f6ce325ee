package se.stegvis.engine;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Deploying from Modeler against PostgreSQL, on a fresh database. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Driftsättning från Modeler (PostgreSQL)")
class ModelerDeploymentPostgresTest extends ModelerDeploymentTest {
}
