package se.stegvis;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class StegvisApplication {

  /** Deadlines are calendar days in Swedish time, whatever zone the host runs in. */
  public static final String TIME_ZONE = "Europe/Stockholm";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(StegvisApplication.class, args);
  }
}
