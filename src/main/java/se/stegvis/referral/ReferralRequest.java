package se.stegvis.referral;

import java.time.LocalDate;

import se.stegvis.codes.CodeSet;
import se.stegvis.form.FormValues;
import se.stegvis.identity.IdentityNumber;
import se.stegvis.identity.InvalidIdentityNumberException;

/** A referral as the start form or the API sends it, validated field by field. */
public record ReferralRequest(String projectCode, IdentityNumber identity, String firstName, String lastName,
    String gender, String phone, String email, String party, String referrerName, String referrerEmail,
    String referrerPhone, String reason, String incomeSource, String timeInSupport, String educationLevel,
    LocalDate referredOn, boolean protectedIdentity) {

  private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  public static ReferralRequest read(FormValues v) {
    String projectCode = v.text("projectCode", "Insats", true, 20);
    IdentityNumber identity = null;
    String identityLabel = "Personnummer eller samordningsnummer";
    String number = v.text("identityNumber", identityLabel, true, 20);
    if (number != null) {
      try {
        identity = IdentityNumber.parse(number, v.today());
      } catch (InvalidIdentityNumberException e) {
        // Named like every other field's error, so the caller knows which field to correct.
        v.check(false, identityLabel + ": " + e.getMessage());
      }
    }
    var request = new ReferralRequest(projectCode, identity,
        v.text("firstName", "Förnamn", false, 100),
        v.text("lastName", "Efternamn", true, 100),
        v.code("gender", "Kön", CodeSet.GENDER, true),
        v.text("phone", "Telefon", false, 30),
        v.text("email", "E-post", false, 254),
        v.code("party", "Remitterande part", CodeSet.PARTY, true),
        v.text("referrerName", "Remittentens namn", true, 100),
        v.text("referrerEmail", "Remittentens e-post", false, 254),
        v.text("referrerPhone", "Remittentens telefon", false, 30),
        v.text("reason", "Skäl till remissen", true, 4000),
        v.code("incomeSource", "Försörjning", CodeSet.INCOME_SOURCE, true),
        v.code("timeInSupport", "Tid i offentlig försörjning", CodeSet.TIME_IN_SUPPORT, true),
        v.code("educationLevel", "Utbildningsnivå", CodeSet.EDUCATION_LEVEL, true),
        v.date("referredOn", "Remissdatum", true),
        v.flag("protectedIdentity", "Skyddade personuppgifter"));
    v.check(request.referredOn == null || identity == null || identity.birthDate() == null
            || !request.referredOn.isBefore(identity.birthDate()),
        "Remissdatum: kan inte ligga före personens födelsedag (" + (identity == null ? "" : identity.birthDate()) + ").");
    v.check(request.email == null || request.email.matches(EMAIL), "E-post: adressen ser inte ut som en e-postadress.");
    v.check(request.referrerEmail == null || request.referrerEmail.matches(EMAIL),
        "Remittentens e-post: adressen ser inte ut som en e-postadress.");
    v.requireValid();
    return request;
  }
}
