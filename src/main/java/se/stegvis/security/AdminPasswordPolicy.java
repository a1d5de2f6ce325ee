package se.stegvis.security;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * No default passwords outside the embedded demo. The administrator's password must come from the
 * environment and must not be a default; the demo users (all with the password "demo") may not be
 * loaded; and every password set later (Admin, identity service) must pass the engine's password
 * policy (at least 10 characters with upper and lower case, a digit and a special character).
 * Checked before the engine is built, so a refused start writes nothing.
 */
@Component
@Profile("postgres")
class AdminPasswordPolicy extends AbstractProcessEnginePlugin {

  static final int MINIMUM_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda",
      "stegvis", "losenord", "lösenord");

  private final CamundaBpmProperties properties;
  private final boolean demo;

  AdminPasswordPolicy(CamundaBpmProperties properties, @Value("${stegvis.demo.enabled:false}") boolean demo) {
    this.properties = properties;
    this.demo = demo;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var admin = properties.getAdminUser();
    String password = admin == null ? null : admin.getPassword();
    check(password);
    if (demo) {
      throw new IllegalStateException("STEGVIS_DEMO (stegvis.demo.enabled) is true: the demo users all have the "
          + "password \"demo\", so the postgres profile does not start with them");
    }
    configuration.setEnablePasswordPolicy(true);
  }

  static void check(String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "STEGVIS_ADMIN_PASSWORD is not set: the postgres profile needs the administrator's password from the environment");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULTS.stream().anyMatch(lower::startsWith) || password.length() < MINIMUM_LENGTH) {
      throw new IllegalStateException("STEGVIS_ADMIN_PASSWORD is a default or shorter than "
          + MINIMUM_LENGTH + " characters: choose a real password for the postgres profile");
    }
  }
}
