package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.stegvis.casefile.ProjectRepository;
import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/** The production profile on a real, empty PostgreSQL database, started twice. */
@EnabledIfPostgres
class PostgresStartupTest {

  @Test
  @DisplayName("postgres profile: schemas are created on an empty database and a restart deploys nothing new")
  void startsTwiceOnOneDatabase() throws Exception {
    String url = PostgresTestDatabase.createDatabase("stegvis_startup");
    Map<String, Object> first;
    try (var context = start(url)) {
      var flyway = context.getBean(Flyway.class);
      assertThat(flyway.info().applied()).extracting(m -> String.valueOf(m.getVersion())).contains("1", "2");
      assertThat(context.getBean(ProjectRepository.class).count()).as("no demo data in the postgres profile").isZero();
      first = snapshot(context);
      assertThat((Long) first.get("definitions")).as("participant-case and work-placement").isEqualTo(2L);
      assertThat(context.getBean(JdbcTemplate.class).queryForList(
          "select indexname from pg_indexes where indexname like 'stegvis\\_%'", String.class))
          .as("the engine indexes the stock schema lacks")
          .containsExactlyInAnyOrder("stegvis_job_due", "stegvis_job_locked_exclusive", "stegvis_task_parent",
              "stegvis_variable_name_text", "stegvis_hi_variable_name_text");
      assertThat(context.getBean(RepositoryService.class).getDeploymentResourceNames(
          (String) first.get("deployment"))).containsExactlyInAnyOrderElementsOf(ApplicationTest.modelFiles());
    }
    try (var context = start(url)) {
      assertThat(snapshot(context)).as("second start: same deployment, versions and engine schema").isEqualTo(first);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(StegvisApplication.class)
        .profiles("postgres")
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.USER,
            "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
            "--camunda.bpm.admin-user.password=Blåbärssoppa-i-Lycksele-2026", "--server.port=0");
  }

  private static Map<String, Object> snapshot(ConfigurableApplicationContext context) {
    var repository = context.getBean(RepositoryService.class);
    var jdbc = context.getBean(JdbcTemplate.class);
    List<String> deployments = repository.createDeploymentQuery().list().stream().map(d -> d.getId()).toList();
    return Map.of(
        "deployment", deployments.get(0),
        "deployments", (long) deployments.size(),
        "definitions", repository.createProcessDefinitionQuery().count(),
        "schemaVersion", jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
            String.class),
        "engineTables", jdbc.queryForObject(
            "select count(*) from information_schema.tables where table_name like 'act_%'", Long.class),
        "schemaHistory", jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Long.class));
  }
}
