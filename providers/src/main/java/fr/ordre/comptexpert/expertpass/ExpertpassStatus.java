package fr.ordre.comptexpert.expertpass;

import java.util.Locale;

/**
 * Where a sign-in challenge or an enrolment stands, as the store keeps it, the API answers it and the cluster
 * wake-ups carry it: by its wire name, the enum's name in lower case ({@code docs/expertpass-openapi.yml}).
 * <ul>
 * <li>a challenge: {@link #PENDING} → {@link #APPROVED} | {@link #DENIED} | {@link #ROTATED};</li>
 * <li>an enrolment: {@link #PENDING} → {@link #CONFIRMING} (a phone posted its key, the browser confirms it) →
 *     {@link #DONE} | {@link #REFUSED}; or {@link #CANCELLED};</li>
 * <li>only in answers to the browser: {@link #EXPIRED} (its QR ended undecided) and {@link #GONE} (nothing to wait
 *     for).</li>
 * </ul>
 */
enum ExpertpassStatus {
    PENDING,
    APPROVED,
    DENIED,
    ROTATED,
    CONFIRMING,
    DONE,
    REFUSED,
    CANCELLED,
    EXPIRED,
    GONE;

    private final String wire = name().toLowerCase(Locale.ROOT);

    String wire() {
        return wire;
    }

    /** The status a wire name stands for; none (a pending entry stores no status) is {@link #PENDING}. */
    static ExpertpassStatus of(String wire) {
        if (wire == null) {
            return PENDING;
        }
        for (ExpertpassStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown Expertpass status " + wire);
    }

    /** The phone's answer was taken: the page signs in or says no. */
    boolean decided() {
        return this == APPROVED || this == DENIED;
    }

    /** Nobody decided: such an entry is kept only a short grace after its QR ends. */
    boolean undecided() {
        return this == PENDING || this == ROTATED;
    }
}
