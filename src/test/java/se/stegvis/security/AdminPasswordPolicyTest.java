package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.stegvis.StegvisApplication;

class AdminPasswordPolicyTest {

  static final String GOOD = "Blåbärssoppa-i-Lycksele-2026";

  @Test
  @DisplayName("Empty, default and short administrator passwords are refused")
  void refusesWeakPasswords() {
    for (String weak : new String[] {null, "", "   ", "demo", "admin", "changeme", "kort-lösen"}) {
      assertThatThrownBy(() -> AdminPasswordPolicy.check(weak)).hasMessageContaining("STEGVIS_ADMIN_PASSWORD");
    }
    assertThatCode(() -> AdminPasswordPolicy.check(GOOD)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("The postgres profile refuses to start with the default administrator password")
  void postgresProfileRefusesToStart() {
    var app = new SpringApplicationBuilder(StegvisApplication.class)
        .profiles("postgres")
        ;
    assertThatThrownBy(() -> app.run("--spring.datasource.url=jdbc:h2:mem:refused;DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--camunda.bpm.admin-user.password=demo", "--server.port=0")).rootCause().hasMessageContaining("STEGVIS_ADMIN_PASSWORD");
  }

  @Test
  @DisplayName("The postgres profile refuses to start with the demo users, whose password is \"demo\"")
  void postgresProfileRefusesTheDemoUsers() {
    var app = new SpringApplicationBuilder(StegvisApplication.class).profiles("postgres");
    assertThatThrownBy(() -> app.run("--spring.datasource.url=jdbc:h2:mem:demo-refused;DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--camunda.bpm.admin-user.password=" + GOOD, "--stegvis.demo.enabled=true",
        "--server.port=0")).rootCause().hasMessageContaining("STEGVIS_DEMO");
  }

  @Test
  @DisplayName("In the postgres profile no user gets a default or weak password; a strong one is accepted")
  void postgresProfileRefusesWeakUserPasswords() {
    var app = new SpringApplicationBuilder(StegvisApplication.class).profiles("postgres");
    try (var context = app.run("--spring.datasource.url=jdbc:h2:mem:password-policy;DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--camunda.bpm.admin-user.password=" + GOOD, "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false")) {
      var identity = context.getBean(IdentityService.class);
      for (String weak : new String[] {"demo", "Demo1234", "lösenordlösenord"}) {
        var user = identity.newUser("svag-" + weak.length());
        user.setPassword(weak);
        assertThatThrownBy(() -> identity.saveUser(user)).as(weak).isInstanceOf(ProcessEngineException.class);
      }
      assertThat(identity.createUserQuery().userIdIn("svag-4", "svag-8", "svag-16").count()).isZero();
      var user = identity.newUser("stark");
      user.setPassword("Fjällripa-9-Storuman");
      identity.saveUser(user);
      assertThat(identity.checkPassword("stark", "Fjällripa-9-Storuman")).isTrue();
    }
  }
}
