package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.binding.TableauBinding;
import fr.ordre.comptexpert.password.SetPasswordLink;
import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.support.PageMessages;
import fr.ordre.comptexpert.tableau.TableauRegister;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.messages.Messages;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * The registration steps as one stateless authenticator of the registration flow. What the person gave is
 * kept in the authentication session ({@link RegistrationState}); each POST names the step it answers and is
 * refused if that is not the current one. The flow never completes here: the account is created without a
 * password, and the person signs in from the emailed link.
 * <p>
 * Nothing the person sees depends on what the register or the accounts hold: a right or wrong birth date, an
 * entry free or already bound, struck off or unknown, an email new or taken all lead to the same pages and the
 * same single mail to the typed address. What differs goes by mail to who proves it: the address the Tableau
 * has on file, the holder of the entry or of the email ({@link TableauBinding}).
 */
final class RegistrationAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RegistrationAuthenticator.class);
    private static final String RESEND_KEY = "ordre-mail:";
    /** The way back in sent to an address that has an account already, as "oublié" sends it. */
    private static final int EXISTING_LINK_LIFESPAN = 1_800;

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
            event(context, "ordre_registration_step_mismatch")
                    .detail("ordre_step", String.valueOf(form.getFirst("step")))
                    .error(Errors.INVALID_REGISTRATION);
            context.challenge(notice(context, state, current, Map.of(), "ordreRegStepMismatch"));
            return;
        }
        switch (current) {
            case PROFILE -> onIdentity(context, state, form);
            case IDENTIFIANT -> onIdentifiant(context, state, form);
            case SENT -> {
                if ("correct-email".equals(form.getFirst("action"))) {
                    onCorrectEmail(context, state, form);
                } else {
                    onResend(context, state);
                }
            }
        }
    }

    private void onIdentity(
            AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        ProfileCatalogue catalogue = ProfileCatalogue.of(session, context.getRealm());
        Map<String, String> values = echo(
                form,
                IdentityForm.PROFILE,
                IdentityForm.DETAIL,
                IdentityForm.NOM,
                IdentityForm.PRENOM,
                IdentityForm.BIRTH_DATE,
                IdentityForm.NUMERO,
                IdentityForm.EMAIL);
        IdentityForm.Result result = IdentityForm.validate(form, catalogue, clock);
        if (result.identity().isEmpty()) {
            if (result.errors().stream().anyMatch(e -> "ordreRegProfileInvalid".equals(e.getMessage()))) {
                event(context, "ordre_registration_forged_profile").error(Errors.INVALID_REGISTRATION);
            }
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, values, result.errors()));
            return;
        }
        Identity identity = result.identity().get();
        OrdreProfile profile = catalogue.find(identity.profileId()).orElseThrow();
        if (profile.checkedAgainstTableau() && !networkAllows(context)) {
            // Keyed on the client's network, which the person does not choose; the same for every name and date.
            event(context, "ordre_registration_network_limit").error(Errors.SLOW_DOWN);
            context.challenge(
                    notice(context, state, RegistrationState.Step.PROFILE, values, "ordreRegTooManyAttempts"));
            return;
        }
        // Whatever the register holds, the next step is the same: what it found is never shown.
        state.identity(identity);
        state.step(RegistrationState.Step.IDENTIFIANT);
        context.challenge(page(context, state, RegistrationState.Step.IDENTIFIANT, Map.of(), List.of()));
    }

    private void onIdentifiant(
            AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Identity identity = state.identity();
        String username = IdentityForm.trimmed(form.getFirst("username")).toLowerCase(Locale.ROOT);
        Map<String, String> values = Map.of("username", IdentityForm.trimmed(form.getFirst("username")));
        String broken = Identifiant.check(username);
        if (broken != null) {
            context.challenge(identifiantRefused(context, state, values, broken));
            return;
        }
        // Whether the identifiant is free is the user profile's to say (its duplicate check), once, at creation.
        RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
        // Decided for an address already held too, and unused there: the register's work (a database read when an
        // entry matches) must weigh on both answers alike, or its time would tell a held address from a new one.
        OrdreProfile profile =
                ProfileCatalogue.of(session, realm).find(identity.profileId()).orElseThrow();
        TableauRequest binding = profile.checkedAgainstTableau()
                ? TableauRequest.decide(
                        context.getSession(),
                        realm,
                        profile,
                        identity.nom(),
                        identity.prenom(),
                        identity.birthDate(),
                        identity.numero(),
                        identity.email(),
                        config)
                : TableauRequest.NONE;
        UserModel holder = session.users().getUserByEmail(realm, identity.email());
        if (holder != null) {
            // No "this email is taken": the same page as for a new address; its holder is told by mail instead.
            String refused = rehearseCreation(context, identity, username);
            if (refused != null) {
                context.challenge(identifiantRefused(context, state, values, refused));
                return;
            }
            event(context, "ordre_registration_email_in_use")
                    .user(holder)
                    .detail(Details.EMAIL, identity.email())
                    .error(Errors.EMAIL_IN_USE);
            state.sentTo(holder.getId(), true);
            state.step(RegistrationState.Step.SENT);
            context.challenge(notice(
                    context,
                    state,
                    RegistrationState.Step.SENT,
                    Map.of(),
                    sendExisting(context, holder, config) ? "ordreRegEmailSent" : "ordreRegEmailFailed"));
            return;
        }
        UserModel user;
        try {
            user = createAccount(context, identity, username, binding);
        } catch (ModelDuplicateException e) {
            // Taken between the profile's check and the insert.
            context.challenge(identifiantRefused(context, state, values, "ordreRegIdentifiantTaken"));
            return;
        } catch (ValidationException e) {
            String refused = identifiantRefusal(e);
            if (refused == null) {
                // A value our own checks let through and the realm's user profile refused: its rules were changed.
                LOG.warnf(
                        "The user profile of realm %s refused the account %s: %s",
                        realm.getName(), username, e.getErrors());
                event(context, "ordre_registration_profile_refused").error(Errors.INVALID_REGISTRATION);
                context.challenge(
                        notice(context, state, RegistrationState.Step.IDENTIFIANT, values, "ordreRegCreateFailed"));
                return;
            }
            context.challenge(identifiantRefused(context, state, values, refused));
            return;
        } catch (RuntimeException e) {
            // The account's own transaction rolled back: nothing was made, the person may simply try again.
            LOG.warnf("Could not create the account %s in realm %s: %s", username, realm.getName(), e.getMessage());
            event(context, "ordre_registration_store_failed").error(Errors.INVALID_REGISTRATION);
            context.challenge(
                    notice(context, state, RegistrationState.Step.IDENTIFIANT, values, "ordreRegCreateFailed"));
            return;
        }
        state.sentTo(user.getId(), false);
        state.step(RegistrationState.Step.SENT);
        event(context, null)
                .event(EventType.REGISTER)
                .user(user)
                .detail(Details.USERNAME, username)
                .detail(Details.EMAIL, identity.email())
                .detail(Details.REGISTER_METHOD, "ordre")
                .detail("ordre_profile", identity.profileId())
                .detail("ordre_tableau", binding.outcome())
                .detail(
                        "ordre_numero",
                        binding.entry() == null ? null : binding.entry().numero())
                .success();
        binding.notify(
                context.getSession(),
                realm,
                context.getAuthenticationSession(),
                context.getEvent().clone().event(EventType.REGISTER_ERROR),
                user,
                config);
        boolean sent = sendLink(context, user);
        context.challenge(notice(
                context,
                state,
                RegistrationState.Step.SENT,
                Map.of(),
                sent ? "ordreRegEmailSent" : "ordreRegEmailFailed"));
    }

    private void onResend(AuthenticationFlowContext context, RegistrationState state) {
        UserModel user = state.userId() == null
                ? null
                : context.getSession().users().getUserById(context.getRealm(), state.userId());
        if (user == null) {
            state.reset();
            context.challenge(page(context, state, RegistrationState.Step.PROFILE, Map.of(), List.of()));
            return;
        }
        String message;
        if (!state.existing() && hasPassword(user)) {
            message = "ordreRegAlreadyActive";
        } else if (context.getSession().singleUseObjects().contains(RESEND_KEY + user.getId())) {
            message = "ordreRegResendTooSoon";
        } else {
            RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
            boolean sent = state.existing() ? sendExisting(context, user, config) : sendLink(context, user);
            message = sent ? "ordreRegEmailResent" : "ordreRegEmailFailed";
        }
        context.challenge(notice(context, state, RegistrationState.Step.SENT, Map.of(), message));
    }

    /**
     * A typo in the address: the mail never arrived. From the same attempt, and while no password was created,
     * the person gives the right address; the account moves to it and the link is sent again (the old link
     * names the old address and stops working). A binding proved by the old address no longer is.
     */
    private void onCorrectEmail(
            AuthenticationFlowContext context, RegistrationState state, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String email = IdentityForm.trimmed(form.getFirst(IdentityForm.EMAIL)).toLowerCase(Locale.ROOT);
        Map<String, String> values =
                Map.of(IdentityForm.EMAIL, IdentityForm.trimmed(form.getFirst(IdentityForm.EMAIL)));
        List<FormMessage> errors = new java.util.ArrayList<>();
        IdentityForm.email(email, errors);
        if (!errors.isEmpty()) {
            context.challenge(page(context, state, RegistrationState.Step.SENT, values, errors));
            return;
        }
        UserModel user = state.userId() == null ? null : session.users().getUserById(realm, state.userId());
        if (user == null || state.existing() || hasPassword(user)) {
            // Nothing of this attempt's own to correct: the holder of an account changes its address in the console.
            context.challenge(notice(
                    context,
                    state,
                    RegistrationState.Step.SENT,
                    Map.of(),
                    user != null && !state.existing() ? "ordreRegAlreadyActive" : "ordreRegCorrectNotPossible"));
            return;
        }
        if (session.singleUseObjects().contains(RESEND_KEY + user.getId())) {
            // One mail a minute, whichever the address: a correction is not a way to write to anyone at will.
            context.challenge(notice(context, state, RegistrationState.Step.SENT, values, "ordreRegResendTooSoon"));
            return;
        }
        RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
        String before = user.getEmail();
        UserModel holder = session.users().getUserByEmail(realm, email);
        if (holder != null && !holder.getId().equals(user.getId())) {
            // Same page as for a free address; the holder is told, as at registration.
            state.sentTo(holder.getId(), true);
            event(context, "ordre_registration_email_in_use")
                    .user(holder)
                    .detail(Details.EMAIL, email)
                    .error(Errors.EMAIL_IN_USE);
            context.challenge(notice(
                    context,
                    state,
                    RegistrationState.Step.SENT,
                    Map.of(),
                    sendExisting(context, holder, config) ? "ordreRegEmailResent" : "ordreRegEmailFailed"));
            return;
        }
        user.setEmail(email);
        if (TableauBinding.confirmed(user) && !email.equalsIgnoreCase(before)) {
            TableauBinding.pending(user, user.getFirstAttribute(OrdreAttributes.NUMERO));
        }
        state.identity(withEmail(state.identity(), email));
        event(context, null)
                .event(EventType.UPDATE_EMAIL)
                .user(user)
                .detail(Details.PREVIOUS_EMAIL, before)
                .detail(Details.UPDATED_EMAIL, email)
                .detail("ordre_reason", "registration_typo")
                .success();
        context.challenge(notice(
                context,
                state,
                RegistrationState.Step.SENT,
                Map.of(),
                sendLink(context, user) ? "ordreRegEmailResent" : "ordreRegEmailFailed"));
    }

    private static Identity withEmail(Identity i, String email) {
        return new Identity(i.profileId(), i.detail(), i.nom(), i.prenom(), i.birthDate(), email, i.numero());
    }

    /**
     * The account is made in a transaction of its own, committed before any mail is sent: an error rolls the
     * whole account back (never half an account), and no link ever points to an account that was not stored.
     * It is made through the realm's user profile, as the server's own act (context {@code USER_API}): the realm's
     * validators (the identifiant's rule and uniqueness, the names' lengths, the profile's options) are the ones that
     * hold, for this path as for an administrator's. The birth date is not kept: it served to find the entry, nothing
     * later needs it.
     *
     * @return the account as stored, in memory: the request's mail and events need nothing else, and reading it back
     *     through the request's session would cost two database reads of what was just written
     * @throws ValidationException if the realm's user profile refuses the values
     */
    private UserModel createAccount(
            AuthenticationFlowContext context, Identity identity, String username, TableauRequest binding) {
        KeycloakSession requestSession = context.getSession();
        RealmModel requestRealm = context.getRealm();
        String realmId = requestRealm.getId();
        Locale locale = requestSession.getContext().resolveLocale(null);
        return KeycloakModelUtils.runJobInTransactionWithResult(requestSession.getKeycloakSessionFactory(), session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            OrdreProfile profile = ProfileCatalogue.of(session, realm)
                    .find(identity.profileId())
                    .orElseThrow();
            UserModel user = newUser(session, profile, identity, username, identity.email());
            if (profile.checkedAgainstTableau()) {
                binding.applyTo(user);
            }
            if (locale != null) {
                user.setSingleAttribute(OrdreAttributes.LOCALE, locale.toLanguageTag());
            }
            LOG.debugf("Registered %s (profile %s) in realm %s", username, profile.id(), realm.getName());
            return snapshot(requestSession, requestRealm, user);
        });
    }

    /** A read-only copy of a stored account, bound to another session. */
    private static UserModel snapshot(KeycloakSession session, RealmModel realm, UserModel stored) {
        StoredAccount copy = new StoredAccount(session, realm, stored.getId());
        stored.getAttributes().forEach(copy::setAttribute);
        copy.setUsername(stored.getUsername());
        copy.setEnabled(stored.isEnabled());
        copy.setEmailVerified(stored.isEmailVerified());
        copy.setCreatedTimestamp(stored.getCreatedTimestamp());
        copy.setReadonly(true);
        return copy;
    }

    /** Keycloak's in-memory user; its credentials, which registration does not touch, are read from the store. */
    private static final class StoredAccount extends AbstractInMemoryUserAdapter {

        StoredAccount(KeycloakSession session, RealmModel realm, String id) {
            super(session, realm, id);
        }

        @Override
        public SubjectCredentialManager credentialManager() {
            return session.users().getUserById(realm, getId()).credentialManager();
        }
    }

    /** The account's profile through the realm's user profile (validated), enabled, in its profile's group. */
    private static UserModel newUser(
            KeycloakSession session, OrdreProfile profile, Identity identity, String username, String email) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(username));
        attributes.put(UserModel.EMAIL, List.of(email));
        attributes.put(UserModel.FIRST_NAME, List.of(identity.prenom()));
        attributes.put(UserModel.LAST_NAME, List.of(identity.nom()));
        attributes.put(OrdreAttributes.PROFILE, List.of(profile.id()));
        if (identity.detail() != null) {
            attributes.put(OrdreAttributes.PROFILE_DETAIL, List.of(identity.detail()));
        }
        UserProfile userProfile =
                session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes);
        userProfile.validate();
        UserModel user = userProfile.create();
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.joinGroup(session.groups().getGroupById(session.getContext().getRealm(), profile.groupId()));
        return user;
    }

    /**
     * The work of {@link #createAccount}, rolled back: an address that has an account already must not answer
     * faster than a new one. The same identifiant and names, an address of the same shape that nobody holds.
     *
     * @return the identifiant's message if the user profile refuses it (taken, or against the realm's rule), as
     *     creation would; null otherwise
     */
    private static String rehearseCreation(AuthenticationFlowContext context, Identity identity, String username) {
        String realmId = context.getRealm().getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(
                context.getSession().getKeycloakSessionFactory(), session -> {
                    session.getTransactionManager().setRollbackOnly();
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    OrdreProfile profile = ProfileCatalogue.of(session, realm)
                            .find(identity.profileId())
                            .orElseThrow();
                    try {
                        newUser(
                                session,
                                profile,
                                identity,
                                username,
                                "rehearsal-" + KeycloakModelUtils.generateId() + "@invalid.example");
                        return null;
                    } catch (ValidationException e) {
                        return identifiantRefusal(e);
                    }
                });
    }

    /** The identifiant's message for what the user profile refused, or null if it refused something else. */
    private static String identifiantRefusal(ValidationException e) {
        if (e.hasError(Messages.USERNAME_EXISTS)) {
            return "ordreRegIdentifiantTaken";
        }
        return e.getErrors().stream().anyMatch(error -> UserModel.USERNAME.equals(error.getAttribute()))
                ? "ordreRegIdentifiantRules"
                : null;
    }

    /** A step's page with one message for the whole page. */
    private Response notice(
            AuthenticationFlowContext context,
            RegistrationState state,
            RegistrationState.Step step,
            Map<String, String> values,
            String key) {
        return page(context, state, step, values, List.of(new FormMessage(null, key)));
    }

    /** The identifiant step again, its field refused with that message. */
    private Response identifiantRefused(
            AuthenticationFlowContext context, RegistrationState state, Map<String, String> values, String key) {
        return page(
                context, state, RegistrationState.Step.IDENTIFIANT, values, List.of(new FormMessage("username", key)));
    }

    private boolean sendLink(AuthenticationFlowContext context, UserModel user) {
        RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
        String binding = user.getFirstAttribute(OrdreAttributes.TABLEAU_BINDING);
        try {
            SetPasswordLink.send(
                    context.getSession(),
                    context.getRealm(),
                    user,
                    context.getAuthenticationSession(),
                    SetPasswordLink.REASON_REGISTRATION,
                    "ordre-set-password.ftl",
                    "ordreSetPasswordSubject",
                    config.linkLifespanSeconds(),
                    Map.of("tableauBinding", binding == null ? "" : binding));
            return sent(context, user, config, SetPasswordLink.REASON_REGISTRATION);
        } catch (EmailException e) {
            // The account stays, waiting for its password: "renvoyer" works once mail is back.
            return failed(context, user, e);
        }
    }

    /** To the holder of an address that has an account already: its identifiant and a way back in. */
    private boolean sendExisting(AuthenticationFlowContext context, UserModel holder, RegistrationConfig config) {
        try {
            SetPasswordLink.send(
                    context.getSession(),
                    context.getRealm(),
                    holder,
                    context.getAuthenticationSession(),
                    SetPasswordLink.REASON_RECOVERY,
                    "ordre-register-existing.ftl",
                    "ordreRegExistingSubject",
                    EXISTING_LINK_LIFESPAN,
                    Map.of("pending", !hasPassword(holder)));
            return sent(context, holder, config, "registration_existing");
        } catch (EmailException e) {
            return failed(context, holder, e);
        }
    }

    /** Only a mail that left counts against the resend interval. */
    private boolean sent(AuthenticationFlowContext context, UserModel user, RegistrationConfig config, String reason) {
        context.getSession()
                .singleUseObjects()
                .put(RESEND_KEY + user.getId(), config.resendIntervalSeconds(), Map.of());
        event(context, null)
                .event(EventType.SEND_VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, user.getEmail())
                .detail("ordre_reason", reason)
                .success();
        return true;
    }

    private boolean failed(AuthenticationFlowContext context, UserModel user, EmailException e) {
        LOG.warnf(
                "Could not send a registration email to user %s in realm %s: %s",
                user.getUsername(), context.getRealm().getName(), e.getMessage());
        event(context, null).event(EventType.SEND_VERIFY_EMAIL_ERROR).user(user).error(Errors.EMAIL_SEND_FAILED);
        return false;
    }

    private static boolean networkAllows(AuthenticationFlowContext context) {
        return TableauRequest.networkAllows(
                context.getSession(),
                context.getConnection().getRemoteAddr(),
                RegistrationConfig.of(context.getAuthenticatorConfig()));
    }

    private Response page(
            AuthenticationFlowContext context,
            RegistrationState state,
            RegistrationState.Step step,
            Map<String, String> values,
            List<FormMessage> messages) {
        KeycloakSession session = context.getSession();
        Locale locale = session.getContext().resolveLocale(null);
        Map<String, Object> model = RegistrationPage.model(session, context.getRealm(), state, step, values, locale);
        LoginFormsProvider form = context.form().setAttribute("ordreReg", model);
        return PageMessages.show(form, messages, RegistrationAuthenticator::noticeKind)
                .createForm(RegistrationPage.template(step));
    }

    private static PageMessages.Kind noticeKind(String key) {
        if (key.equals("ordreRegEmailSent") || key.equals("ordreRegEmailResent")) {
            return PageMessages.Kind.SUCCESS;
        }
        return key.startsWith("ordreRegResend") || key.equals("ordreRegAlreadyActive")
                ? PageMessages.Kind.INFO
                : PageMessages.Kind.ERROR;
    }

    private EventBuilder event(AuthenticationFlowContext context, String reason) {
        EventBuilder event = context.getEvent().clone().event(EventType.REGISTER_ERROR);
        return reason == null ? event : event.detail(Details.REASON, reason);
    }

    private static TableauRegister register(KeycloakSession session) {
        return session.getProvider(TableauRegister.class);
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
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
