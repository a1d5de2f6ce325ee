package se.stegvis.referral;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/** The working group's decision history, and one case's referral and decision. */
@RestController
class DecisionHistoryController {

  private final DecisionHistory history;
  private final EngineClock clock;

  DecisionHistoryController(DecisionHistory history, EngineClock clock) {
    this.history = history;
    this.clock = clock;
  }

  @Operation(summary = "Beslutshistorik: besluten om remisser i perioden (standard senaste året) i de ärenden "
      + "man får läsa beslutet i; beredningsgruppen sina egna beslut även efter att ärendet gått vidare")
  @GetMapping("/api/decisions")
  List<DecisionHistory.Decision> decisions(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate until = to == null ? clock.today() : to;
    LocalDate since = from == null ? until.minusYears(1) : from;
    if (since.isAfter(until)) {
      throw new FormRejectedException("Perioden: från-datum kan inte ligga efter till-datum.");
    }
    return history.decidedBetween(since, until);
  }

  @Operation(summary = "Remissens sammanfattning och beslutet om den i ett ärende (beslutshistorik)")
  @GetMapping("/api/cases/{caseNumber}/decision")
  DecisionHistory.Decision decision(@PathVariable String caseNumber) {
    return history.of(caseNumber);
  }
}
