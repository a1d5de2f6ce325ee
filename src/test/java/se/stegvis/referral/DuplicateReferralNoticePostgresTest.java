package se.stegvis.referral;

import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** Every test of {@link DuplicateReferralNoticeTest} again on PostgreSQL. */
@EnabledIfPostgres
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class DuplicateReferralNoticePostgresTest extends DuplicateReferralNoticeTest {
}
