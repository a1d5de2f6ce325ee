package se.stegvis.casefile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Service;

/**
 * Readable case numbers, e.g. C2-2026-0007: project, year of referral, running number.
 * <p>
 * A number is taken in a short transaction of its own, committed at once, so referrals to one
 * project do not wait for each other's whole registration (the counter row is locked for about a
 * millisecond, not until the referral commits). That transaction runs on a small pool of its own:
 * taken from the application's pool while the referral holds a connection of it, a full pool
 * would leave every referral waiting for a second connection. The price is that a number is never
 * given twice but may be skipped, when the registration that took it fails afterwards.
 */
@Service
public class CaseNumbers implements DisposableBean {

  private static final String INCREMENT =
      "update case_number_counter set last_value = last_value + 1 where project_id = ? and counter_year = ?";
  private static final String FIRST = "insert into case_number_counter (project_id, counter_year, last_value) values (?, ?, 1)";
  /** SQLSTATE of a unique constraint violation, in PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();
  private static final String READ = "select last_value from case_number_counter where project_id = ? and counter_year = ?";

  private final HikariDataSource pool;

  /**
   * The pool has the application pool's settings (database, credentials, driver properties such as
   * TLS, timeouts) but its own name, two connections opened on demand, and no metrics (the
   * application's pool figures stay its own). Nothing is opened at start-up.
   */
  CaseNumbers(DataSource applicationPool) {
    if (!(applicationPool instanceof HikariDataSource application)) {
      throw new IllegalStateException("Case numbers copy the settings of the application's Hikari pool, not of "
          + applicationPool.getClass().getName());
    }
    pool = new HikariDataSource();
    application.copyStateTo(pool);
    pool.setPoolName("case-numbers");
    pool.setMaximumPoolSize(2);
    pool.setMinimumIdle(0);
    pool.setIdleTimeout(30_000);
    if (pool.getMetricRegistry() != null) {
      pool.setMetricRegistry(null);
    } else {
      pool.setMetricsTrackerFactory(null);
    }
  }

  public String next(Project project, int year) {
    return "%s-%d-%04d".formatted(project.getCode(), year, take(project.getId(), year));
  }

  private int take(long projectId, int year) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int number = increment(connection, projectId, year);
        connection.commit();
        return number;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      var translated = TRANSLATOR.translate("take the next case number", null, e);
      throw translated != null ? translated : new DataAccessResourceFailureException(e.getMessage(), e);
    }
  }

  /** The first number of a project and year creates its counter; two firsts at once: one inserts, one increments. */
  private static int increment(Connection connection, long projectId, int year) throws SQLException {
    if (update(connection, INCREMENT, projectId, year) == 0) {
      // PostgreSQL aborts the whole transaction on a failed insert unless it goes back to a savepoint.
      Savepoint beforeInsert = connection.setSavepoint();
      try {
        update(connection, FIRST, projectId, year);
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        connection.rollback(beforeInsert);
        update(connection, INCREMENT, projectId, year);
      }
    }
    try (PreparedStatement read = connection.prepareStatement(READ)) {
      read.setLong(1, projectId);
      read.setInt(2, year);
      try (var result = read.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static int update(Connection connection, String sql, long projectId, int year) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, projectId);
      statement.setInt(2, year);
      return statement.executeUpdate();
    }
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
