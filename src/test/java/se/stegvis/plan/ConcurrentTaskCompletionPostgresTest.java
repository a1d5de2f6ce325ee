package se.stegvis.plan;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** ConcurrentTaskCompletionTest on PostgreSQL, whose row locks and isolation decide the races in production. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class ConcurrentTaskCompletionPostgresTest extends ConcurrentTaskCompletionTest {
}
