package se.stegvis.codes;

/** The code lists of {@code reference_code}; values are the codes that forms and the API send. */
public enum CodeSet {
  PARTY("remitterande part"),
  GENDER("kön"),
  INCOME_SOURCE("försörjning"),
  TIME_IN_SUPPORT("tid i offentlig försörjning"),
  EDUCATION_LEVEL("utbildningsnivå"),
  INTAKE_DECISION("beslut"),
  START_OUTCOME("utfall av församtalet"),
  CONSENT_CATEGORY("informationskategori"),
  CONSENT_DIRECTION("samtyckets riktning"),
  EXIT_OUTCOME("status vid avslut"),
  RECEIVING_PARTY("mottagande part"),
  FOLLOW_UP_STATUS("status vid uppföljning"),
  EMPLOYER_KIND("typ av arbetsgivare"),
  SECTOR("bransch"),
  PLACEMENT_OUTCOME("utfall av praktik"),
  EMPLOYMENT_TYPE("anställningsform"),
  PLACEMENT_END_REASON("skäl till avbruten praktik");

  private final String description;

  CodeSet(String description) {
    this.description = description;
  }

  /** Swedish name of the list, for error messages. */
  public String description() {
    return description;
  }
}
