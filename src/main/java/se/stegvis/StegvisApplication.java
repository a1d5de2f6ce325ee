package se.stegvis;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring Security is on the class path for single sign-on only: its auto-configuration, which would
 * put a login in front of everything, is left out, and se.stegvis.sso sets up what it needs when a
 * provider is configured. Without one, the application's own filters (system/) do all of it.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableScheduling
public class StegvisApplication {

  /** Deadlines are calendar days in Swedish time, whatever zone the host runs in. */
  public static final String TIME_ZONE = "Europe/Stockholm";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(StegvisApplication.class, args);
  }
}
