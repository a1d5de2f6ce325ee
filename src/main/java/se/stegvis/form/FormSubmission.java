package se.stegvis.form;

import se.stegvis.casefile.CaseFile;

/** A submitted form: the case it belongs to (none yet for a new referral), its values and who sent it. */
public record FormSubmission(CaseFile caseFile, FormValues values, String userId) {
}
