package se.stegvis.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL for the tests that need one: 127.0.0.1:5432 as user postgres unless
 * STEGVIS_TEST_POSTGRES_URL / _USER / _PASSWORD say otherwise. Each test class gets a fresh,
 * empty database, so schema creation is tested on every run.
 */
public final class PostgresTestDatabase {

  public static final String ADMIN_URL = env("STEGVIS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = env("STEGVIS_TEST_POSTGRES_USER", "postgres");
  public static final String PASSWORD = env("STEGVIS_TEST_POSTGRES_PASSWORD", "");
  /** Set by .ci/run: PostgreSQL tests must run, so an absent database fails them instead of skipping. */
  public static final boolean REQUIRED = Boolean.parseBoolean(env("STEGVIS_REQUIRE_POSTGRES", "false"));

  private static Boolean available;

  private PostgresTestDatabase() {
  }

  /**
   * Whether this JVM runs the {@link AlsoOnPostgres} tests on PostgreSQL: the {@code postgres}
   * Surefire execution sets {@value AlsoOnPostgres#PROPERTY}{@code =postgres}; otherwise they run on H2.
   */
  public static boolean selected() {
    return "postgres".equalsIgnoreCase(System.getProperty(AlsoOnPostgres.PROPERTY, ""));
  }

  public static synchronized boolean isAvailable() {
    if (available == null) {
      DriverManager.setLoginTimeout(3);
      try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
        available = true;
      } catch (SQLException e) {
        available = false;
      }
    }
    return available;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String createDatabase(String prefix) {
    String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        var statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + " at " + ADMIN_URL, e);
    }
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  /**
   * Points a Spring context at a fresh database. {@link AlsoOnPostgres} tests get it through
   * {@link PostgresContextCustomizerFactory} in the PostgreSQL execution; a test that runs on
   * PostgreSQL only may name it in {@code @ContextConfiguration(initializers = ...)}.
   */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String url = createDatabase("stegvis_test");
      TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER,
          "spring.datasource.password=" + PASSWORD).applyTo(context);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
