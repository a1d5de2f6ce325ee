package se.stegvis.bench;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.StegvisApplication;
import se.stegvis.support.PostgresTestDatabase;

/** Stegvis or the bare engine, started in this JVM on a given database. */
record BenchApp(Kind kind, ConfigurableApplicationContext context) implements AutoCloseable {

  enum Kind {
    STEGVIS("Stegvis"), BARE("bare engine");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** Neither the user id "admin" nor the admin's names in it: the engine's password policy refuses those. */
  static final String ADMIN_PASSWORD = "Bänk-Drift-2026-nyckel";

  /**
   * Starts the application. For seeding, the job executor stays off and commits do not wait for
   * the disk ({@code synchronous_commit off}, this session only); measuring runs use the
   * application's own settings.
   */
  static BenchApp start(Kind kind, String database, boolean seeding) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + Bench.url(database),
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--camunda.bpm.generic-properties.properties.hostname=" + kind.name().toLowerCase()));
    List<String> sessionSettings = new ArrayList<>();
    if (seeding) {
      args.add("--camunda.bpm.job-execution.enabled=false");
      sessionSettings.add("set synchronous_commit to off");
    }
    if (Bench.STATEMENT_LOG) {
      sessionSettings.add("set log_min_duration_statement to 0");
    }
    if (!sessionSettings.isEmpty()) {
      args.add("--spring.datasource.hikari.connection-init-sql=" + String.join("; ", sessionSettings));
    }
    ConfigurableApplicationContext context;
    if (kind == Kind.STEGVIS) {
      args.addAll(List.of("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
          "--stegvis.reminders.initial-delay=P3650D"));
      context = new SpringApplicationBuilder(StegvisApplication.class).profiles("postgres")
          .run(args.toArray(String[]::new));
    } else {
      context = new SpringApplicationBuilder(BareEngineApplication.class)
          .run(BareEngineApplication.withDefaults(args.toArray(String[]::new)));
    }
    return new BenchApp(kind, context);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
