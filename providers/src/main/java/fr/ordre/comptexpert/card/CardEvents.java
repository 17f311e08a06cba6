package fr.ordre.comptexpert.card;

/**
 * The Keycloak events of the card. Event types are a closed enum; the closest in meaning are used:
 * issuing a signed credential to its holder is {@code VERIFIABLE_CREDENTIAL_REQUEST(_ERROR)} (stored by
 * default), checking a token someone shows is {@code INTROSPECT_TOKEN(_ERROR)} (not stored by default, as
 * for OAuth introspection: anonymous and frequent; the jboss-logging listener logs the errors). The detail
 * {@code ordre_card} says which step, {@code token_id} the card's jti.
 */
final class CardEvents {

    static final String DETAIL = "ordre_card";
    static final String REASON = "ordre_card_reason";

    static final String INELIGIBLE = "ordre_card_ineligible";
    static final String NOT_REGISTERED = "ordre_card_not_registered";
    static final String UNKNOWN_DEVICE = "ordre_card_unknown_device";
    static final String BAD_SIGNATURE = "ordre_card_bad_signature";
    static final String STALE_TIME = "ordre_card_stale_time";
    static final String REPLAY = "ordre_card_replay";
    static final String EXPIRED = "ordre_card_expired";
    static final String INVALID = "ordre_card_invalid";
    static final String RATE_LIMITED = "ordre_card_rate_limited";

    private CardEvents() {}
}
