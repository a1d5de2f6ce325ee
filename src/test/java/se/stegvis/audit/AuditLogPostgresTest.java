package se.stegvis.audit;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every audit-log test again on PostgreSQL, where a PL/pgSQL trigger keeps the log append-only. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class AuditLogPostgresTest extends AuditLogTest {
}
