package se.stegvis.followup;

import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The follow-up timing again on PostgreSQL. Every process test's PostgreSQL variant uses the same
 * initializer, so they all share one Spring context on one fresh database.
 */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DisplayName("Uppföljning 6–12 månader efter avslut (PostgreSQL)")
class FollowUpProcessPostgresTest extends FollowUpProcessTest {
}
