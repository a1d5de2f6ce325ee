package se.stegvis.problems;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, the APIs answer 503 with a Swedish problem detail and
 * {@code Retry-After}, not a 500 with a stack trace. The pool ({@code spring.datasource.hikari.*}
 * in application.yml) gives up on a connection after a few seconds, so a request fails fast, and
 * opens new connections by itself once the database is back: nothing needs restarting.
 */
@Configuration
class DatabaseOutage {

  static final String TITLE = "Databasen går inte att nå";
  static final String DETAIL = "Stegvis kommer inte åt sin databas just nu. Ingenting av begäran sparades. "
      + "Försök igen om en stund.";
  static final int RETRY_AFTER_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

  private final DataSource dataSource;

  DatabaseOutage(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * True when the failure comes from the database being out of reach: a connection failure in its
   * causes, or any database error while no connection can be had right now (a dropped connection
   * shows up in many guises, such as "Unable to rollback against JDBC Connection").
   */
  boolean explains(Throwable failure) {
    boolean databaseError = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
          || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P0x: the server is shutting down or restarting.
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      databaseError |= t instanceof SQLException || t instanceof DataAccessException
          || t instanceof PersistenceException;
    }
    return databaseError && !reachable();
  }

  private boolean reachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  static String problemJson(String instance) {
    return """
        {"type":"https://stegvis.se/problem/databasen-otillganglig","title":"%s","status":503,"detail":"%s",\
        "instance":"%s"}""".formatted(TITLE, DETAIL, instance.replace("\\", "").replace("\"", ""));
  }

  /** First of all filters on the APIs, so failures in authentication (which reads the database) are caught too. */
  @Bean
  FilterRegistrationBean<OutageFilter> databaseOutageFilter() {
    var registration = new FilterRegistrationBean<>(new OutageFilter(this));
    registration.setName("database-outage");
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static class OutageFilter extends OncePerRequestFilter {
    private final DatabaseOutage outage;

    OutageFilter(DatabaseOutage outage) {
      this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | RuntimeException e) {
        if (response.isCommitted() || !outage.explains(e)) {
          throw e;
        }
        LOG.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(problemJson(request.getRequestURI()));
      }
    }
  }
}
