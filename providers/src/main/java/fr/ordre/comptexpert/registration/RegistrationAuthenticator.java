package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.password.SetPasswordLink;
import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.register.RegisterEntry;
import fr.ordre.comptexpert.register.TableauRegister;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registration steps as one stateless authenticator of the registration flow. What the person gave is
 * kept in the authentication session ({@link RegistrationState}); each POST names the step it answers and is
 * refused if that is not the current one. The flow never completes here: the account is created without a
 * password, and the person signs in from the emailed link.
 */
final class RegistrationAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RegistrationAuthenticator.class);
    private static final Pattern NUMERO = Pattern.compile("^[A-Z0-9-]{3,20}$");
    private static final String RESEND_KEY = "ordre-mail:";

    private final Clock clock;

    RegistrationAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RegistrationState state = new RegistrationState(context.getAuthenticationSession());
        context.challenge(page(context, state, state.step(), Map.of(), List.of()));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        RegistrationState state = new RegistrationState(context.getAuthenticationSession());
        RegistrationState.Step current = state.step();
        if ("restart".equals(form.getFirst("action")) && current != RegistrationState.Step.SENT) {
            state.reset();
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, Map.of(), List.of()));
            return;
        }
        if (!current.name().equals(form.getFirst("step"))) {
            // A forged or stale step: answer with the step the person is really at.
            event(context, "ordre_registration_step_mismatch").detail("ordre_step", String.valueOf(form.getFirst("step")))
                    .error(Errors.INVALID_REGISTRATION);
            context.challenge(page(context, state, current, Map.of(), List.of(new FormMessage(null, "ordreRegStepMismatch"))));
            return;
        }
        switch (current) {
            case PROFILE -> onIdentity(context, state, form);
            case NUMERO -> onNumero(context, state, form);
            case IDENTIFIANT -> onIdentifiant(context, state, form);
            case SENT -> onResend(context, state);
        }
    }

    private void onIdentity(AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        ProfileCatalogue catalogue = ProfileCatalogue.of(session, realm);
        Map<String, String> values = echo(form, IdentityForm.PROFILE, IdentityForm.DETAIL, IdentityForm.NOM,
                IdentityForm.PRENOM, IdentityForm.BIRTH_DATE, IdentityForm.EMAIL);
        IdentityForm.Result result = IdentityForm.validate(form, catalogue, clock);
        if (result.identity().isEmpty()) {
            if (result.errors().stream().anyMatch(e -> "ordreRegProfileInvalid".equals(e.getMessage()))) {
                event(context, "ordre_registration_forged_profile").error(Errors.INVALID_REGISTRATION);
            }
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, values, result.errors()));
            return;
        }
        Identity identity = result.identity().get();
        if (emailInUse(session, realm, identity.email())) {
            event(context, "ordre_registration_email_in_use").detail(Details.EMAIL, identity.email()).error(Errors.EMAIL_IN_USE);
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, values,
                    List.of(new FormMessage(IdentityForm.EMAIL, "ordreRegEmailInUse"))));
            return;
        }
        OrdreProfile profile = catalogue.find(identity.profileId()).orElseThrow();
        state.identity(identity);
        state.matched(null, null);
        if (!profile.checkedAgainstTableau()) {
            state.step(RegistrationState.Step.IDENTIFIANT);
            context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, Map.of(), List.of()));
            return;
        }
        MatchThrottle throttle = new MatchThrottle(session, RegistrationConfig.of(context.getAuthenticatorConfig()));
        if (throttle.locked(state, identity.nom())) {
            tooManyAttempts(context, state, values);
            return;
        }
        Optional<RegisterEntry> entry = TableauMatch.byNameAndBirthDate(register(session), profile, identity.nom(),
                identity.prenom(), identity.birthDate());
        if (entry.isEmpty()) {
            throttle.failed(state, identity.nom());
            event(context, "ordre_tableau_not_found").detail("ordre_profile", profile.id()).detail("ordre_check", "name")
                    .error(Errors.INVALID_REGISTRATION);
            state.step(RegistrationState.Step.NUMERO);
            context.challenge(page(context, state, RegistrationState.Step.NUMERO, Map.of(), List.of()));
            return;
        }
        matched(context, state, entry.get(), RegistrationState.Step.PROFILE, values);
    }

    private void onNumero(AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        Identity identity = state.identity();
        String numero = IdentityForm.trimmed(form.getFirst("numero")).toUpperCase(Locale.ROOT).replace(" ", "");
        Map<String, String> values = Map.of("numero", IdentityForm.trimmed(form.getFirst("numero")));
        if (numero.isEmpty() || !NUMERO.matcher(numero).matches()) {
            context.challenge(page(context, state, RegistrationState.Step.NUMERO, values,
                    List.of(new FormMessage("numero", numero.isEmpty() ? "ordreRegFieldRequired" : "ordreRegNumeroInvalid"))));
            return;
        }
        MatchThrottle throttle = new MatchThrottle(session, RegistrationConfig.of(context.getAuthenticatorConfig()));
        if (throttle.locked(state, identity.nom())) {
            tooManyAttempts(context, state, values);
            return;
        }
        OrdreProfile profile = ProfileCatalogue.of(session, context.getRealm()).find(identity.profileId()).orElseThrow();
        Optional<RegisterEntry> entry = TableauMatch.byNumero(register(session), profile, numero, identity.birthDate());
        if (entry.isEmpty()) {
            throttle.failed(state, identity.nom());
            event(context, "ordre_tableau_not_found").detail("ordre_profile", profile.id()).detail("ordre_check", "numero")
                    .error(Errors.INVALID_REGISTRATION);
            context.challenge(page(context, state, RegistrationState.Step.NUMERO, values,
                    List.of(new FormMessage("numero", "ordreRegNumeroNotFound"))));
            return;
        }
        matched(context, state, entry.get(), RegistrationState.Step.NUMERO, values);
    }

    /** A register entry gives one account only: a second registration is pointed to account recovery. */
    private void matched(AuthenticationFlowContext context, RegistrationState state, RegisterEntry entry,
                         RegistrationState.Step from, Map<String, String> values) {
        if (entryTaken(context.getSession(), context.getRealm(), entry.numero())) {
            event(context, "ordre_tableau_entry_taken").detail("ordre_numero", entry.numero()).error(Errors.INVALID_REGISTRATION);
            context.challenge(page(context, state, from, values, List.of(new FormMessage(null, "ordreRegAlreadyRegistered"))));
            return;
        }
        state.matched(entry.numero(), entry.conseilRegional());
        state.step(RegistrationState.Step.IDENTIFIANT);
        context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, Map.of(), List.of()));
    }

    private void onIdentifiant(AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Identity identity = state.identity();
        String username = IdentityForm.trimmed(form.getFirst("username")).toLowerCase(Locale.ROOT);
        Map<String, String> values = Map.of("username", IdentityForm.trimmed(form.getFirst("username")));
        String broken = Identifiant.check(username);
        if (broken == null && usernameTaken(session, realm, username)) {
            broken = "ordreRegIdentifiantTaken";
        }
        if (broken != null) {
            context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, values,
                    List.of(new FormMessage("username", broken))));
            return;
        }
        // Checked again: another registration may have taken the email or the register entry meanwhile.
        if (emailInUse(session, realm, identity.email())
                || (state.numero() != null && entryTaken(session, realm, state.numero()))) {
            state.step(RegistrationState.Step.PROFILE);
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, Map.of(),
                    List.of(new FormMessage(null, state.numero() != null ? "ordreRegAlreadyRegistered" : "ordreRegEmailInUse"))));
            return;
        }
        UserModel user;
        try {
            user = session.users().getUserById(realm, createAccount(context, state, identity, username));
        } catch (ModelDuplicateException e) {
            context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, values,
                    List.of(new FormMessage("username", "ordreRegIdentifiantTaken"))));
            return;
        } catch (RuntimeException e) {
            // The account's own transaction rolled back: nothing was made, the person may simply try again.
            LOG.warnf("Could not create the account %s in realm %s: %s", username, realm.getName(), e.getMessage());
            event(context, "ordre_registration_store_failed").error(Errors.INVALID_REGISTRATION);
            context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, values,
                    List.of(new FormMessage(null, "ordreRegCreateFailed"))));
            return;
        }
        state.created(user.getId());
        state.step(RegistrationState.Step.SENT);
        event(context, null).event(EventType.REGISTER).user(user).detail(Details.USERNAME, username)
                .detail(Details.EMAIL, identity.email()).detail(Details.REGISTER_METHOD, "ordre")
                .detail("ordre_profile", identity.profileId()).success();
        boolean sent = sendLink(context, user);
        context.challenge(page(context, state, RegistrationState.Step.SENT, Map.of(),
                List.of(new FormMessage(null, sent ? "ordreRegEmailSent" : "ordreRegEmailFailed"))));
    }

    private void onResend(AuthenticationFlowContext context, RegistrationState state) {
        UserModel user = state.userId() == null ? null : context.getSession().users().getUserById(context.getRealm(), state.userId());
        String message;
        if (user == null) {
            state.reset();
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, Map.of(), List.of()));
            return;
        } else if (hasPassword(user)) {
            message = "ordreRegAlreadyActive";
        } else {
            if (context.getSession().singleUseObjects().contains(RESEND_KEY + user.getId())) {
                message = "ordreRegResendTooSoon";
            } else {
                message = sendLink(context, user) ? "ordreRegEmailResent" : "ordreRegEmailFailed";
            }
        }
        context.challenge(page(context, state, RegistrationState.Step.SENT, Map.of(), List.of(new FormMessage(null, message))));
    }

    /**
     * The account is made in a transaction of its own, committed before any mail is sent: an error rolls the
     * whole account back (never half an account), and no link ever points to an account that was not stored.
     *
     * @return the new user's id
     */
    private String createAccount(AuthenticationFlowContext context, RegistrationState state, Identity identity, String username) {
        String realmId = context.getRealm().getId();
        Locale locale = context.getSession().getContext().resolveLocale(null);
        return KeycloakModelUtils.runJobInTransactionWithResult(context.getSession().getKeycloakSessionFactory(), session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            OrdreProfile profile = ProfileCatalogue.of(session, realm).find(identity.profileId()).orElseThrow();
            UserModel user = session.users().addUser(realm, username);
            user.setEnabled(true);
            user.setEmail(identity.email());
            user.setEmailVerified(false);
            user.setFirstName(identity.prenom());
            user.setLastName(identity.nom());
            user.setSingleAttribute(OrdreAttributes.PROFILE, profile.id());
            user.setSingleAttribute(OrdreAttributes.BIRTH_DATE, identity.birthDate().toString());
            if (identity.detail() != null) {
                user.setSingleAttribute(OrdreAttributes.PROFILE_DETAIL, identity.detail());
            }
            if (state.numero() != null) {
                user.setSingleAttribute(OrdreAttributes.NUMERO, state.numero());
                user.setSingleAttribute(OrdreAttributes.CONSEIL_REGIONAL, state.conseilRegional());
            }
            if (locale != null) {
                user.setSingleAttribute(OrdreAttributes.LOCALE, locale.toLanguageTag());
            }
            GroupModel group = session.groups().getGroupById(realm, profile.groupId());
            user.joinGroup(group);
            LOG.debugf("Registered %s (profile %s) in realm %s", username, profile.id(), realm.getName());
            return user.getId();
        });
    }

    private boolean sendLink(AuthenticationFlowContext context, UserModel user) {
        RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
        try {
            SetPasswordLink.send(context.getSession(), context.getRealm(), user, context.getAuthenticationSession(),
                    SetPasswordLink.REASON_REGISTRATION, "ordre-set-password.ftl", "ordreSetPasswordSubject",
                    config.linkLifespanSeconds(), Map.of());
            // Only a mail that left counts against the resend interval.
            context.getSession().singleUseObjects().put(RESEND_KEY + user.getId(), config.resendIntervalSeconds(), Map.of());
            event(context, null).event(EventType.SEND_VERIFY_EMAIL).user(user).detail(Details.EMAIL, user.getEmail())
                    .detail("ordre_reason", SetPasswordLink.REASON_REGISTRATION).success();
            return true;
        } catch (EmailException e) {
            // The account stays, waiting for its password: "renvoyer" works once mail is back.
            LOG.warnf("Could not send the set-password email to user %s in realm %s: %s", user.getUsername(),
                    context.getRealm().getName(), e.getMessage());
            event(context, null).event(EventType.SEND_VERIFY_EMAIL_ERROR).user(user).error(Errors.EMAIL_SEND_FAILED);
            return false;
        }
    }

    private void tooManyAttempts(AuthenticationFlowContext context, RegistrationState state, Map<String, String> values) {
        event(context, "ordre_tableau_locked").error(Errors.INVALID_REGISTRATION);
        context.challenge(page(context, state, state.step(), values, List.of(new FormMessage(null, "ordreRegTooManyAttempts"))));
    }

    private Response page(AuthenticationFlowContext context, RegistrationState state, RegistrationState.Step step,
                          Map<String, String> values, List<FormMessage> messages) {
        KeycloakSession session = context.getSession();
        Locale locale = session.getContext().resolveLocale(null);
        Map<String, Object> model = RegistrationPage.model(session, context.getRealm(), state, step, values, locale);
        LoginFormsProvider form = context.form().setAttribute("ordreReg", model);
        for (FormMessage message : messages) {
            if (message.getField() != null) {
                form.addError(message);
            } else if (message.getMessage().equals("ordreRegEmailSent") || message.getMessage().equals("ordreRegEmailResent")) {
                form.setSuccess(message.getMessage(), message.getParameters());
            } else if (message.getMessage().startsWith("ordreRegResend") || message.getMessage().equals("ordreRegAlreadyActive")) {
                form.setInfo(message.getMessage(), message.getParameters());
            } else {
                form.setError(message.getMessage(), message.getParameters());
            }
        }
        return form.createForm(RegistrationPage.template(step));
    }

    private EventBuilder event(AuthenticationFlowContext context, String reason) {
        EventBuilder event = context.getEvent().clone().event(EventType.REGISTER_ERROR);
        return reason == null ? event : event.detail(Details.REASON, reason);
    }

    private static TableauRegister register(KeycloakSession session) {
        return session.getProvider(TableauRegister.class);
    }

    private static boolean emailInUse(KeycloakSession session, RealmModel realm, String email) {
        return session.users().getUserByEmail(realm, email) != null;
    }

    private static boolean usernameTaken(KeycloakSession session, RealmModel realm, String username) {
        return session.users().getUserByUsername(realm, username) != null
                || session.users().getUserByEmail(realm, username) != null;
    }

    private static boolean entryTaken(KeycloakSession session, RealmModel realm, String numero) {
        return session.users().searchForUserByUserAttributeStream(realm, OrdreAttributes.NUMERO, numero).findAny().isPresent();
    }

    static boolean hasPassword(UserModel user) {
        return user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }

    private static Map<String, String> echo(MultivaluedMap<String, String> form, String... fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            String v = form.getFirst(field);
            values.put(field, v == null ? "" : v.length() > 200 ? v.substring(0, 200) : v);
        }
        return values;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
