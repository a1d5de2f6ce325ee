package se.stegvis.form;

import se.stegvis.casefile.CaseFile;

/**
 * A submitted form: the case it belongs to (none yet for a new referral), its values, who sent it,
 * and the process instance of its task (the case's own, or a process the case called, such as a
 * placement).
 */
public record FormSubmission(CaseFile caseFile, FormValues values, String userId, String processInstanceId) {
}
