package fr.ordre.comptexpert.account;

import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * Whom a person writes to about their account and their data: the realm attribute {@code ordreContactEmail}
 * (set at import from {@code ORDRE_CONTACT_EMAIL}), else the realm's reply-to or sender address.
 */
public final class AccountContact {

    static final String ATTRIBUTE = "ordreContactEmail";

    private AccountContact() {}

    public static String email(RealmModel realm) {
        String configured = realm.getAttribute(ATTRIBUTE);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Map<String, String> smtp = realm.getSmtpConfig();
        String replyTo = smtp == null ? null : smtp.get("replyTo");
        if (replyTo != null && !replyTo.isBlank()) {
            return replyTo.strip();
        }
        String from = smtp == null ? null : smtp.get("from");
        return from == null ? "" : from.strip();
    }
}
