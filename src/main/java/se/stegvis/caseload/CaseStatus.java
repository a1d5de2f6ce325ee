package se.stegvis.caseload;

import java.util.Arrays;
import java.util.List;

import se.stegvis.casefile.CasePhase;
import se.stegvis.problems.FormRejectedException;

/** Which cases a list shows: the open ones (referred to in participation), the exited ones, or all. */
enum CaseStatus {
  OPEN(CasePhase.REFERRED, CasePhase.ACCEPTED, CasePhase.ACTIVE),
  EXITED(CasePhase.EXITED, CasePhase.CLOSED),
  ALL(CasePhase.values());

  private final List<CasePhase> phases;

  CaseStatus(CasePhase... phases) {
    this.phases = List.of(phases);
  }

  List<CasePhase> phases() {
    return phases;
  }

  String parameter() {
    return name().toLowerCase();
  }

  static CaseStatus of(CasePhase phase) {
    return phase.isOpen() ? OPEN : EXITED;
  }

  /** The request parameter: open (the default), exited or all. */
  static CaseStatus parse(String value) {
    if (value == null || value.isBlank()) {
      return OPEN;
    }
    return Arrays.stream(values()).filter(s -> s.parameter().equals(value.strip().toLowerCase())).findFirst()
        .orElseThrow(() -> new FormRejectedException("Status: ange open (pågående), exited (avslutade) eller all (alla)."));
  }
}
