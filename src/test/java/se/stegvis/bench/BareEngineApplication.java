package se.stegvis.bench;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import se.stegvis.engine.EngineIndexes;

/**
 * The bare engine the benchmarks compare Stegvis with: the Camunda Spring Boot starters (engine,
 * REST, webapps) and a datasource, no Stegvis component (no component scan at all: this class is
 * not a {@code @Configuration}, so Stegvis' own scan of {@code se.stegvis} does not pick it up),
 * no Flyway, no JPA. It deploys the same participant-case model and forms. The model's
 * expressions name Stegvis beans; {@link StandIns} provides beans of those names that do no
 * work. The engine gets the same indexes as Stegvis ({@link EngineIndexes}, schema only), so
 * both run on the same schema.
 */
@EnableAutoConfiguration(exclude = {HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class,
    FlywayAutoConfiguration.class, MailSenderAutoConfiguration.class, MailSenderValidatorAutoConfiguration.class},
    // Spring Security is on the class path for Stegvis' single sign-on; left to itself it would put
    // a generated password on the bare engine's open /engine-rest.
    excludeName = {"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration"})
@Import(BareEngineApplication.StandIns.class)
public class BareEngineApplication {

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Stockholm"));
    SpringApplication.run(BareEngineApplication.class, withDefaults(args));
  }

  /** Settings equal to Stegvis' application.yml where they affect speed; the rest stays the starter's. */
  static String[] withDefaults(String... args) {
    String[] defaults = {
        "--spring.application.name=bare-engine",
        "--spring.datasource.hikari.maximum-pool-size=12",
        "--spring.jersey.application-path=/engine-rest",
        "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.history-level=full",
        "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.admin-user.id=admin",
        "--camunda.bpm.admin-user.password=bare-Engine-2026",
        "--camunda.bpm.job-execution.core-pool-size=4",
        "--camunda.bpm.job-execution.max-pool-size=8",
        "--camunda.bpm.job-execution.queue-capacity=16",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=8",
        "--camunda.bpm.job-execution.max-wait=10000",
        "--camunda.bpm.generic-properties.properties.cmmnEnabled=false",
        "--camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive=true",
        "--spring.sql.init.mode=never",
        // Stegvis' readiness waits for its own start-up checks, which the bare engine does not have.
        "--management.endpoint.health.group.readiness.include=readinessState"};
    String[] all = new String[defaults.length + args.length];
    System.arraycopy(defaults, 0, all, 0, defaults.length);
    System.arraycopy(args, 0, all, defaults.length, args.length);
    return all;
  }

  /** Stand-ins for the beans the model's expressions name: same names, no work. */
  static class StandIns {

    @Bean("deadlines")
    BareDeadlines deadlines() {
      return new BareDeadlines();
    }

    @Bean("missedDeadline")
    JavaDelegate missedDeadline() {
      return execution -> { };
    }

    @Bean("decisionNotification")
    JavaDelegate decisionNotification() {
      return execution -> { };
    }

    @Bean
    EngineIndexes engineIndexes() {
      return new EngineIndexes();
    }

    @Bean
    InitializingBean deployModel(RepositoryService repositoryService) {
      return () -> {
        var deployment = repositoryService.createDeployment().name("bare").enableDuplicateFiltering(true);
        var resolver = new PathMatchingResourcePatternResolver();
        deployment.addInputStream("processes/participant-case.bpmn",
            resolver.getResource("classpath:processes/participant-case.bpmn").getInputStream());
        for (var form : resolver.getResources("classpath*:forms/*.form")) {
          deployment.addInputStream("forms/" + form.getFilename(), form.getInputStream());
        }
        deployment.deploy();
      };
    }
  }

  /** The due-date arithmetic the model asks of {@code deadlines}: the day after a period, in Swedish time. */
  public static class BareDeadlines {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public Date endOfDay(Date anchor, String period) {
      return endOfDay(anchor, period, 1);
    }

    public Date endOfDay(Date anchor, String period, int times) {
      return Date.from(anchor.toInstant().atZone(SWEDEN).toLocalDate().plus(Period.parse(period).multipliedBy(times))
          .atTime(LocalTime.of(23, 59, 59)).atZone(SWEDEN).toInstant());
    }

    public Date startOfDay(Date anchor, String period) {
      return Date.from(anchor.toInstant().atZone(SWEDEN).toLocalDate().plus(Period.parse(period))
          .atStartOfDay(SWEDEN).toInstant());
    }
  }
}
