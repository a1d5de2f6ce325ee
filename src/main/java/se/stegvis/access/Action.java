package se.stegvis.access;

/**
 * What a user does through a door: the cells of the {@link AccessMatrix}. A per-case action is
 * decided by the user's relations to the case; any other by the user's roles alone.
 */
public enum Action {
  READ_CASE(true, "läsa ärendet (översikt, samtycken, anteckning, praktiker)",
      "Du får inte läsa det här ärendet."),
  READ_PARTICIPANT(true, "öppna deltagarens personuppgifter (fullständigt personnummer, kontaktuppgifter)",
      "Du får inte öppna deltagarens personuppgifter i det här ärendet."),
  WRITE_CASE(true, "skriva i ärendet (anteckning, samtycken)",
      "Du får läsa ärendet men inte ändra det: bara ärendets coach och coachens team skriver i ärendet "
          + "(före beslutet beredningsgruppen)."),
  PROTECT_IDENTITY(true, "sätta eller ta bort skyddade personuppgifter",
      "Du får inte ändra skyddade personuppgifter i det här ärendet."),
  REQUEST_PLACEMENT(true, "begära praktik",
      "Bara deltagarens coach och praktiksamordnare med praktik i ärendet kan begära praktik."),
  READ_DECISION(true, "läsa beslutet om remissen och remissens sammanfattning (beslutshistorik)",
      "Du får inte läsa beslutet om remissen i det här ärendet."),
  REGISTER_REFERRAL(false, "registrera en remiss",
      "Din roll kan inte registrera remisser."),
  READ_CASE_LISTS(false, "listor och rapporter över de ärenden man får läsa",
      "Listor och rapporter över ärenden är till för förbundets personal."),
  USE_WORKPLACE_REGISTRY(false, "läsa praktikplatsregistret",
      "Praktikplatsregistret är till för förbundets personal."),
  MANAGE_WORKPLACES(false, "lägga till och ändra arbetsplatser",
      "Bara praktiksamordnare och administratörer får lägga till och ändra arbetsplatser."),
  REVIEW_LOG(false, "granska loggen",
      "Loggranskning är till för projektledare (chefer) och administratörer."),
  ADMINISTER(false, "administrera (gallringslista, processmigrering, befattningar)",
      "Bara administratörer (gruppen camunda-admin) får göra det här.");

  private final boolean perCase;
  private final String label;
  private final String refusal;

  Action(boolean perCase, String label, String refusal) {
    this.perCase = perCase;
    this.label = label;
    this.refusal = refusal;
  }

  public boolean perCase() {
    return perCase;
  }

  public String label() {
    return label;
  }

  /** The Swedish answer to a user who may not do it (403). */
  public String refusal() {
    return refusal;
  }
}
