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
    static final String FOREIGN_ISSUER = "ordre_expertpass_foreign_issuer";
    static final String CONTEXT_MISMATCH = "ordre_expertpass_context_mismatch";
    static final String OTHER_NETWORK = "ordre_expertpass_other_network";
    static final String ROTATE_REFUSED = "ordre_expertpass_rotate_refused";
    static final String ENROLMENT_INVALID = "ordre_expertpass_enrolment_invalid";
    static final String ENROLMENT_USED = "ordre_expertpass_enrolment_used";
    static final String ENROLMENT_CANCELLED = "ordre_expertpass_enrolment_cancelled";
    static final String ENROLMENT_REFUSED = "ordre_expertpass_enrolment_refused";
    static final String DEVICE_LIMIT = "ordre_expertpass_device_limit";

    private ExpertpassEvents() {}
}
