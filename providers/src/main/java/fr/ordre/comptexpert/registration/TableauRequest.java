package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.binding.ConfirmBindingActionToken;
import fr.ordre.comptexpert.binding.TableauBinding;
import fr.ordre.comptexpert.link.ShortLink;
import fr.ordre.comptexpert.password.SetPasswordLink;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.support.ClientNetwork;
import fr.ordre.comptexpert.support.DeferredMail;
import fr.ordre.comptexpert.support.FixedWindowLimit;
import fr.ordre.comptexpert.support.RenderedEmail;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A claim to a Tableau entry, as registration and "Changer de profil" make it, and where its proof is asked.
 * Only the address the Ordre has on file proves a binding at once; otherwise the account is left pending and the
 * proof is asked of that address (a signed link), or of the Ordre. What was found is never shown to the person:
 * it decides the mails, which go to whoever can prove it (the address on file, the holder of a bound entry).
 */
public final class TableauRequest {

    static final TableauRequest NONE = new TableauRequest(null, null, null);
    private static final String NETWORK_LIMIT_KEY = "ordre-reg-net:";
    private static final String ENTRY_LIMIT_KEY = "ordre-reg-entry:";
    private static final Logger LOG = Logger.getLogger(TableauRequest.class);

    private final String outcome;
    private final RegisterEntry entry;
    private final UserModel holder;

    private TableauRequest(String outcome, RegisterEntry entry, UserModel holder) {
        this.outcome = outcome;
        this.entry = entry;
        this.holder = holder;
    }

    /**
     * @param email the address the person proves they hold: the typed one at registration (the set-password link
     *              goes there), the verified one of an account; null when none is proved
     */
    public static TableauRequest decide(
            KeycloakSession session,
            RealmModel realm,
            OrdreProfile profile,
            String nom,
            String prenom,
            LocalDate birthDate,
            String numero,
            String email,
            RegistrationConfig config) {
        TableauClaim claim =
                TableauClaim.find(session.getProvider(TableauRegister.class), profile, nom, prenom, birthDate, numero);
        if (!claim.matched()) {
            return new TableauRequest(
                    claim.outcome() == TableauClaim.Outcome.AMBIGUOUS ? "ambiguous" : "not_found", null, null);
        }
        RegisterEntry entry = claim.entry();
        Optional<UserModel> holder =
                TableauBinding.holder(session, realm, entry.numero(), config.unconfirmedReleaseSeconds());
        if (holder.isPresent()) {
            return new TableauRequest("entry_taken", entry, holder.get());
        }
        if (email != null && entry.email() != null && entry.email().equalsIgnoreCase(email)) {
            return new TableauRequest(TableauBinding.METHOD_EMAIL_ON_FILE, entry, null);
        }
        return new TableauRequest(entry.email() == null ? "pending_admin" : "pending_email", entry, null);
    }

    /** What a claim outside registration ("Changer de profil") asks: nom, date de naissance, numéro (optional). */
    public record Input(String nom, LocalDate birthDate, String numero) {

        /** The fields as registration checks them; each problem added to {@code errors}, tied to its field. */
        public static Input read(MultivaluedMap<String, String> form, LocalDate today, List<FormMessage> errors) {
            return new Input(
                    IdentityForm.name(form.getFirst(IdentityForm.NOM), IdentityForm.NOM, errors),
                    IdentityForm.birthDate(form.getFirst(IdentityForm.BIRTH_DATE), today, errors),
                    IdentityForm.numero(form.getFirst(IdentityForm.NUMERO), errors));
        }
    }

    /** Tableau claims per client network (IPv4 address, IPv6 /64): a slot taken, or false when the window is full. */
    public static boolean networkAllows(KeycloakSession session, String remoteAddress, RegistrationConfig config) {
        return new FixedWindowLimit(session, NETWORK_LIMIT_KEY)
                        .acquire(
                                ClientNetwork.of(remoteAddress),
                                config.maxTableauPerNetwork(),
                                config.networkWindowSeconds())
                == 0;
    }

    /** For events (never shown): matched and how, not found, ambiguous, taken. */
    public String outcome() {
        return outcome;
    }

    public RegisterEntry entry() {
        return entry;
    }

    public boolean confirmedNow() {
        return TableauBinding.METHOD_EMAIL_ON_FILE.equals(outcome);
    }

    /** The claimed numéro an admin will see, when the entry is free. */
    String claim() {
        return entry == null || holder != null ? null : entry.numero();
    }

    /** The account's side: bound now, or pending with the claim an admin may confirm. */
    public void applyTo(UserModel user) {
        if (confirmedNow()) {
            TableauBinding.confirm(user, entry);
        } else {
            TableauBinding.pending(user, claim());
        }
    }

    /**
     * The mail that follows, after the commit: a confirmation request to the address on file, or a notice to the
     * holder of an entry already bound. At most {@code maxMailsPerEntry} a window per entry.
     *
     * @param event an event of the caller's kind, for the refusal by the per-entry limit
     */
    public void notify(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            EventBuilder event,
            UserModel user,
            RegistrationConfig config) {
        if (entry == null || confirmedNow() || (holder == null && entry.email() == null)) {
            return;
        }
        long wait = new FixedWindowLimit(session, ENTRY_LIMIT_KEY)
                .acquire(entry.numero(), config.maxMailsPerEntry(), config.entryWindowSeconds());
        if (wait > 0) {
            event.user(user)
                    .detail(Details.REASON, "ordre_tableau_entry_mail_limit")
                    .detail("ordre_numero", entry.numero())
                    .error(Errors.SLOW_DOWN);
            return;
        }
        try {
            RenderedEmail mail = holder != null
                    ? takenNotice(session, realm)
                    : confirmationRequest(session, realm, authSession, user, config);
            DeferredMail.send(session, realm, mail, null);
        } catch (EmailException | RuntimeException e) {
            LOG.errorf(
                    e,
                    "Could not render the Tableau email about entry %s in realm %s",
                    entry.numero(),
                    realm.getName());
        }
    }

    private RenderedEmail confirmationRequest(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            UserModel user,
            RegistrationConfig config)
            throws EmailException {
        int lifespan = config.confirmLinkLifespanSeconds();
        ConfirmBindingActionToken token = new ConfirmBindingActionToken(
                user.getId(),
                entry.numero(),
                Time.currentTime() + lifespan,
                authSession.getClient().getClientId());
        String link = ShortLink.forActionToken(session, realm, authSession, token, lifespan);
        Map<String, Object> attributes = new HashMap<>(SetPasswordLink.attributes(realm, user, link, lifespan));
        attributes.put("firstName", entry.prenoms() == null ? "" : entry.prenoms());
        attributes.put(
                "lastName", entry.nomUsage() == null || entry.nomUsage().isBlank() ? entry.nom() : entry.nomUsage());
        attributes.put("numero", entry.numero());
        attributes.put("accountEmail", user.getEmail());
        return RenderedEmail.render(
                session,
                realm,
                user,
                entry.email(),
                "ordreTableauConfirmSubject",
                "ordre-tableau-confirm.ftl",
                attributes);
    }

    private RenderedEmail takenNotice(KeycloakSession session, RealmModel realm) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("identifiant", holder.getUsername());
        attributes.put("firstName", holder.getFirstName() == null ? "" : holder.getFirstName());
        attributes.put("lastName", holder.getLastName() == null ? "" : holder.getLastName());
        attributes.put("numero", entry.numero());
        return RenderedEmail.render(
                session, realm, holder, "ordreTableauTakenSubject", "ordre-tableau-taken.ftl", attributes);
    }
}
