package se.stegvis.system;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded demo the administrator's password must come from the environment and
 * must not be a default. Checked before the engine is built, so a refused start writes nothing.
 */
@Component
@Profile("postgres")
class AdminPasswordPolicy extends AbstractProcessEnginePlugin {

  static final int MINIMUM_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda",
      "stegvis", "losenord", "lösenord");

  private final CamundaBpmProperties properties;

  AdminPasswordPolicy(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var admin = properties.getAdminUser();
    String password = admin == null ? null : admin.getPassword();
    check(password);
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
