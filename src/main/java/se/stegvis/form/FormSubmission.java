package se.stegvis.form;

/** A submitted form: the case it belongs to (none yet for a new referral), its values and who sent it. */
public record FormSubmission(Long caseId, FormValues values, String userId) {
}
