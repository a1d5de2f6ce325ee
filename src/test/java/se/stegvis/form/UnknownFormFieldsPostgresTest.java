package se.stegvis.form;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every test of {@link UnknownFormFieldsTest} again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class UnknownFormFieldsPostgresTest extends UnknownFormFieldsTest {
}
