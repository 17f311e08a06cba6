package fr.ordre.comptexpert.expertpass;

/**
 * Error codes of the Keycloak events Expertpass records. Keycloak's event types are a closed enum: sign-in
 * refusals are LOGIN_ERROR, approvals CUSTOM_REQUIRED_ACTION with detail {@code ordre_expertpass=approved},
 * enrolment UPDATE_CREDENTIAL / UPDATE_CREDENTIAL_ERROR; the detail {@code ordre_expertpass} always says which.
 */
final class ExpertpassEvents {

    static final String DETAIL = "ordre_expertpass";

    static final String APPROVED = "approved";
    static final String DENIED = "ordre_expertpass_denied";
    static final String EXPIRED = "ordre_expertpass_expired";
    static final String BAD_SIGNATURE = "ordre_expertpass_bad_signature";
    static final String REPLAY = "ordre_expertpass_replay";
    static final String CODE_MISMATCH = "ordre_expertpass_code_mismatch";
    static final String DEVICE_REVOKED = "ordre_expertpass_device_revoked";
    static final String INELIGIBLE = "ordre_expertpass_ineligible";
    static final String UNKNOWN_CHALLENGE = "ordre_expertpass_unknown_challenge";
    static final String STALE = "ordre_expertpass_stale_time";
    static final String ENROLMENT_INVALID = "ordre_expertpass_enrolment_invalid";
    static final String ENROLMENT_USED = "ordre_expertpass_enrolment_used";

    private ExpertpassEvents() {
    }
}
