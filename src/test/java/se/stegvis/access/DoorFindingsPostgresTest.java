package se.stegvis.access;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The closed doors again on PostgreSQL (the audit log's reader relation is computed in SQL there too). */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class DoorFindingsPostgresTest extends DoorFindingsTest {
}
