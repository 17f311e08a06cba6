package fr.ordre.comptexpert.binding;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.tableau.NameNormalizer;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The tie between an account and a Tableau entry. Knowing a member's nom, numéro and birth date proves
 * nothing (the first two are public, the third is guessable), so an account of a Tableau profile starts
 * {@code pending}, with the rights of an open profile; it is {@code confirmed} only through the address the
 * Ordre has on file for the member, or by an admin. Every Tableau right (gated services, the numéro and
 * conseil claims, Expertpass, the card) reads {@link OrdreAttributes#NUMERO}, which is written only here.
 */
public final class TableauBinding {

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";

    /** Event details: what happened to the binding, and how it was proved. */
    public static final String DETAIL = "ordre_tableau_binding";

    public static final String METHOD = "ordre_binding_method";
    public static final String METHOD_EMAIL_ON_FILE = "email_on_file";
    public static final String METHOD_EMAIL_CONFIRMATION = "email_confirmation";
    public static final String METHOD_ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(TableauBinding.class);

    private TableauBinding() {}

    /** Proved: the entry's numéro, conseil and spelling become the account's. */
    public static void confirm(UserModel user, RegisterEntry entry) {
        user.setSingleAttribute(OrdreAttributes.NUMERO, entry.numero());
        user.setSingleAttribute(OrdreAttributes.CONSEIL_REGIONAL, entry.conseilRegional());
        user.setSingleAttribute(OrdreAttributes.TABLEAU_BINDING, CONFIRMED);
        user.removeAttribute(OrdreAttributes.TABLEAU_CLAIM);
        // The register's spelling, not what was typed: it is what tokens and the card show.
        user.setLastName(entry.nomUsage() == null || entry.nomUsage().isBlank() ? entry.nom() : entry.nomUsage());
        user.setFirstName(registerPrenom(entry, user.getFirstName()));
    }

    /** Not proved yet: no numéro, the matched entry (if any) kept for the admin who will check it. */
    public static void pending(UserModel user, String claimedNumero) {
        user.removeAttribute(OrdreAttributes.NUMERO);
        user.removeAttribute(OrdreAttributes.CONSEIL_REGIONAL);
        user.setSingleAttribute(OrdreAttributes.TABLEAU_BINDING, PENDING);
        if (claimedNumero == null) {
            user.removeAttribute(OrdreAttributes.TABLEAU_CLAIM);
        } else {
            user.setSingleAttribute(OrdreAttributes.TABLEAU_CLAIM, claimedNumero);
        }
    }

    /**
     * Registration made it and nothing proved it yet. An account an admin made without the attribute is the
     * admin's decision, as a role granted directly is.
     */
    public static boolean awaitingProof(UserModel user) {
        return PENDING.equals(user.getFirstAttribute(OrdreAttributes.TABLEAU_BINDING));
    }

    public static boolean confirmed(UserModel user) {
        return user.getFirstAttribute(OrdreAttributes.NUMERO) != null
                && !PENDING.equals(user.getFirstAttribute(OrdreAttributes.TABLEAU_BINDING));
    }

    /**
     * The account the entry is bound to, if any. A binding made at registration to the address on file whose
     * password was never created (the link expired unused, or a typo) does not hold the entry for ever: past
     * {@code releaseAfterSeconds} it is released, with an event, and the entry is free.
     */
    public static Optional<UserModel> holder(
            KeycloakSession session, RealmModel realm, String numero, int releaseAfterSeconds) {
        Optional<UserModel> holder = session.users()
                .searchForUserByUserAttributeStream(realm, OrdreAttributes.NUMERO, numero)
                .findFirst();
        if (holder.isEmpty() || !abandoned(holder.get(), releaseAfterSeconds)) {
            return holder;
        }
        UserModel user = holder.get();
        pending(user, null);
        LOG.infof(
                "Tableau entry %s released from account %s in realm %s: no password created in %d s",
                numero, user.getUsername(), realm.getName(), releaseAfterSeconds);
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(DETAIL, "released")
                .detail("ordre_numero", numero)
                .success();
        return Optional.empty();
    }

    private static boolean abandoned(UserModel user, int releaseAfterSeconds) {
        Long created = user.getCreatedTimestamp();
        return created != null
                && Time.currentTimeMillis() - created > releaseAfterSeconds * 1000L
                && !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }

    /** The prénom as the register writes it: the one the person typed, all of them if typed so, else the first. */
    static String registerPrenom(RegisterEntry entry, String typed) {
        if (entry.prenoms() == null || entry.prenoms().isBlank()) {
            return typed;
        }
        String[] prenoms = entry.prenoms().strip().split("[\\s,]+");
        for (String one : prenoms) {
            if (typed != null && NameNormalizer.sameName(typed, one)) {
                return one;
            }
        }
        return typed != null && entry.matchesPrenom(typed) ? entry.prenoms().strip() : prenoms[0];
    }
}
