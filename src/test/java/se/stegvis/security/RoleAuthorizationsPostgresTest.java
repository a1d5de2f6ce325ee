package se.stegvis.security;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The role and per-case grants again on PostgreSQL (its unique index on grants is the one that matters). */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Rollernas behörigheter: en lista, utan dubbletter vid omstart (PostgreSQL)")
class RoleAuthorizationsPostgresTest extends RoleAuthorizationsTest {
}
