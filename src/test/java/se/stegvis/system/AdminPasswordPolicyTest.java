package se.stegvis.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.stegvis.StegvisApplication;

class AdminPasswordPolicyTest {

  @Test
  @DisplayName("Empty, default and short administrator passwords are refused")
  void refusesWeakPasswords() {
    for (String weak : new String[] {null, "", "   ", "demo", "admin", "changeme", "kort-lösen"}) {
      assertThatThrownBy(() -> AdminPasswordPolicy.check(weak)).hasMessageContaining("STEGVIS_ADMIN_PASSWORD");
    }
    assertThatCode(() -> AdminPasswordPolicy.check("Blåbärssoppa-i-Lycksele-2026")).doesNotThrowAnyException();
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
}
