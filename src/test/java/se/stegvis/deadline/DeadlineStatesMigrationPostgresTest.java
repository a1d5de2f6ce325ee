package se.stegvis.deadline;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The V12 recomputation again on a fresh PostgreSQL database. */
@EnabledIfPostgres
@DisplayName("Migrering V12: tidsfristernas status räknas om från sparade datum (PostgreSQL)")
class DeadlineStatesMigrationPostgresTest extends DeadlineStatesMigrationTest {

  @Override
  DataSource dataSource() {
    return new DriverManagerDataSource(PostgresTestDatabase.createDatabase("stegvis_v12"), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD);
  }
}
