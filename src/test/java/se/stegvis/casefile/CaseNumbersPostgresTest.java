package se.stegvis.casefile;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The case-number tests again on PostgreSQL, where two first inserts of one counter collide on its key. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class CaseNumbersPostgresTest extends CaseNumbersTest {
}
