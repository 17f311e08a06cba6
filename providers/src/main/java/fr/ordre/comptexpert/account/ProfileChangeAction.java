package fr.ordre.comptexpert.account;

import fr.ordre.comptexpert.access.ProfileAccessRule;
import fr.ordre.comptexpert.binding.TableauBinding;
import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.registration.RegistrationConfig;
import fr.ordre.comptexpert.registration.TableauRequest;
import fr.ordre.comptexpert.support.PageMessages;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Changer de profil": shows what each profile opens and moves the member to an open profile (one not
 * checked against the Tableau) at once: the profile group and {@code ordreProfile} change together, so the
 * access gate and the {@code ordre_profile} claim follow at the next sign-in or refresh. Leaving a Tableau
 * profile unbinds the register entry (numéro, conseil régional, birth date), which becomes free again.
 * <p>
 * Moving into a Tableau profile runs registration's check and proof ({@link TableauRequest}): nom and date de
 * naissance (numéro optional) against the register; the account moves to the profile at once but stays
 * {@code pending}, with an open profile's rights, until the address the Ordre has on file confirms it (or an
 * admin does), unless the account's verified address is that address. The page says the same whatever the
 * register holds. A member whose Tableau entry is already confirmed changes Tableau profile through the Ordre
 * (the register itself changes), so a typo never costs them their binding ({@link ProfileChoice.Move#TABLEAU_CHECK}).
 */
final class ProfileChangeAction implements RequiredActionProvider {

    static final String TEMPLATE = "ordre-profile-change.ftl";
    static final String DETAIL_PREVIOUS = "ordre_profile_previous";
    static final String DETAIL_PROFILE = "ordre_profile";
    static final String DETAIL_RELEASED = "ordre_numero_released";
    static final String ERROR_NOT_OPEN = "ordre_profile_not_open";
    static final String DETAIL_TABLEAU = "ordre_tableau";
    static final int DETAIL_MAX_LENGTH = 100;

    private static final Logger LOG = Logger.getLogger(ProfileChangeAction.class);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, new Page(null, List.of(), null), Response.Status.OK));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("done")) {
            // "Continuer" under the notice of a Tableau claim: the change is made, the member goes on.
            context.success();
            return;
        }
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        ProfileCatalogue catalogue = ProfileCatalogue.of(context.getSession(), realm);
        String previous = currentProfile(user, catalogue).map(OrdreProfile::id).orElse(null);
        String wanted = form.getFirst("profile");
        Optional<OrdreProfile> target = wanted == null ? Optional.empty() : catalogue.find(wanted.strip());
        ProfileChoice.Move move = target.map(t -> move(t, previous, TableauBinding.confirmed(user)))
                .orElse(null);
        if (move == ProfileChoice.Move.TABLEAU_CLAIM) {
            claimTableau(context, catalogue, target.get(), previous, form);
            return;
        }
        if (move != ProfileChoice.Move.IMMEDIATE) {
            context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_PROFILE_ERROR)
                    .detail(DETAIL_PREVIOUS, previous)
                    .detail(DETAIL_PROFILE, target.map(OrdreProfile::id).orElse("unknown"))
                    .error(ERROR_NOT_OPEN);
            context.challenge(page(context, error("ordreProfileChangeNotOpen"), Response.Status.BAD_REQUEST));
            return;
        }
        OrdreProfile to = target.get();
        String detail =
                Optional.ofNullable(form.getFirst("detail")).map(String::strip).orElse("");
        if (to.detailsRequired() && (detail.isEmpty() || detail.length() > DETAIL_MAX_LENGTH)) {
            context.challenge(page(context, error("ordreProfileChangeDetailRequired"), Response.Status.BAD_REQUEST));
            return;
        }
        String released = apply(realm, user, catalogue, to, detail);
        var event = context.getEvent()
                .clone()
                .event(EventType.UPDATE_PROFILE)
                .detail(Details.CONTEXT, "ordre_profile_change")
                .detail(DETAIL_PREVIOUS, previous)
                .detail(DETAIL_PROFILE, to.id());
        if (released != null) {
            event.detail(DETAIL_RELEASED, released);
        }
        event.success();
        LOG.debugf(
                "User %s of realm %s moved from profile %s to %s (entry released: %s)",
                user.getUsername(), realm.getName(), previous, to.id(), released);
        context.success();
    }

    /**
     * Into a Tableau profile: the register check, then the profile at once, pending its proof. Whatever the
     * register holds (a right or wrong date, an entry free, bound or unknown) the member sees the same notice;
     * what differs goes by mail to the address on file or to the holder of the entry.
     */
    private void claimTableau(
            RequiredActionContext context,
            ProfileCatalogue catalogue,
            OrdreProfile to,
            String previous,
            MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        List<FormMessage> errors = new ArrayList<>();
        TableauRequest.Input input = TableauRequest.Input.read(form, LocalDate.now(), errors);
        if (!errors.isEmpty()) {
            context.challenge(page(context, new Page(to.id(), errors, form), Response.Status.BAD_REQUEST));
            return;
        }
        RegistrationConfig config = RegistrationConfig.ofRealm(realm);
        if (!TableauRequest.networkAllows(session, context.getConnection().getRemoteAddr(), config)) {
            context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_PROFILE_ERROR)
                    .detail(DETAIL_PROFILE, to.id())
                    .detail(Details.REASON, "ordre_tableau_network_limit")
                    .error(Errors.SLOW_DOWN);
            context.challenge(page(
                    context,
                    new Page(to.id(), List.of(new FormMessage(null, "ordreProfileChangeTooMany")), form),
                    Response.Status.TOO_MANY_REQUESTS));
            return;
        }
        // Only an address this account has proved counts as the one on file: an unverified one proves nothing.
        String proved = user.isEmailVerified() ? user.getEmail() : null;
        TableauRequest request = TableauRequest.decide(
                session,
                realm,
                to,
                input.nom(),
                user.getFirstName(),
                input.birthDate(),
                input.numero(),
                proved,
                config);
        String released = apply(realm, user, catalogue, to, "");
        request.applyTo(user);
        var event = context.getEvent()
                .clone()
                .event(EventType.UPDATE_PROFILE)
                .detail(Details.CONTEXT, "ordre_profile_change")
                .detail(DETAIL_PREVIOUS, previous)
                .detail(DETAIL_PROFILE, to.id())
                .detail(DETAIL_TABLEAU, request.outcome())
                .detail(
                        TableauBinding.DETAIL,
                        request.confirmedNow() ? TableauBinding.CONFIRMED : TableauBinding.PENDING)
                .detail(
                        "ordre_numero",
                        request.entry() == null ? null : request.entry().numero());
        if (request.confirmedNow()) {
            event.detail(TableauBinding.METHOD, TableauBinding.METHOD_EMAIL_ON_FILE);
        }
        if (released != null) {
            event.detail(DETAIL_RELEASED, released);
        }
        event.success();
        request.notify(
                session,
                realm,
                context.getAuthenticationSession(),
                context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR),
                user,
                config);
        // The same notice for every pending outcome; "confirmed" only reaches whoever holds the address on file.
        String notice =
                request.confirmedNow() ? "ordreProfileChangeTableauConfirmed" : "ordreProfileChangeTableauPending";
        context.challenge(
                page(context, new Page(null, List.of(new FormMessage(null, notice)), null), Response.Status.OK));
    }

    /** Group and attributes together; returns the numéro of the register entry let go, if any. */
    private static String apply(
            RealmModel realm, UserModel user, ProfileCatalogue catalogue, OrdreProfile to, String detail) {
        Set<String> profileGroups =
                catalogue.all().stream().map(OrdreProfile::groupId).collect(Collectors.toSet());
        user.getGroupsStream()
                .filter(g -> profileGroups.contains(g.getId()))
                .toList()
                .forEach(user::leaveGroup);
        GroupModel group = realm.getGroupById(to.groupId());
        user.joinGroup(group);
        user.setSingleAttribute(OrdreAttributes.PROFILE, to.id());
        if (to.detailsRequired()) {
            user.setSingleAttribute(OrdreAttributes.PROFILE_DETAIL, detail);
        } else {
            user.removeAttribute(OrdreAttributes.PROFILE_DETAIL);
        }
        String numero = user.getFirstAttribute(OrdreAttributes.NUMERO);
        // An open profile is not tied to the Tableau: keep nothing a later step does not need.
        user.removeAttribute(OrdreAttributes.NUMERO);
        user.removeAttribute(OrdreAttributes.CONSEIL_REGIONAL);
        user.removeAttribute(OrdreAttributes.BIRTH_DATE);
        user.removeAttribute(OrdreAttributes.TABLEAU_BINDING);
        user.removeAttribute(OrdreAttributes.TABLEAU_CLAIM);
        return numero == null || numero.isBlank() ? null : numero;
    }

    /** @param bound whether the account's Tableau entry is confirmed (then only the Ordre moves it between Tableau profiles) */
    static ProfileChoice.Move move(OrdreProfile target, String currentId, boolean bound) {
        if (target.id().equals(currentId)) {
            return ProfileChoice.Move.CURRENT;
        }
        if (!target.selfRegistration()) {
            return ProfileChoice.Move.NOT_SELF_SERVICE;
        }
        if (!target.checkedAgainstTableau()) {
            return ProfileChoice.Move.IMMEDIATE;
        }
        return bound ? ProfileChoice.Move.TABLEAU_CHECK : ProfileChoice.Move.TABLEAU_CLAIM;
    }

    /** What the page shows besides the profiles: the profile being claimed, messages, the fields typed. */
    private record Page(String claimed, List<FormMessage> messages, MultivaluedMap<String, String> form) {}

    private static Page error(String message) {
        return new Page(null, List.of(new FormMessage(null, message)), null);
    }

    private static Optional<OrdreProfile> currentProfile(UserModel user, ProfileCatalogue catalogue) {
        Set<String> groups = user.getGroupsStream().map(GroupModel::getId).collect(Collectors.toSet());
        Optional<OrdreProfile> byGroup = catalogue.all().stream()
                .filter(p -> groups.contains(p.groupId()))
                .findFirst();
        return byGroup.isPresent()
                ? byGroup
                : catalogue.find(String.valueOf(user.getFirstAttribute(OrdreAttributes.PROFILE)));
    }

    private static Response page(RequiredActionContext context, Page shown, Response.Status status) {
        RealmModel realm = context.getRealm();
        ProfileCatalogue catalogue = ProfileCatalogue.of(context.getSession(), realm);
        ProfileAccessRule rule = new ProfileAccessRule(context.getSession(), realm);
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        Optional<OrdreProfile> current = currentProfile(context.getUser(), catalogue);
        String currentId = current.map(OrdreProfile::id).orElse(null);
        List<ClientModel> services = rule.gatedServices();
        List<ProfileChoice> choices = catalogue.all().stream()
                .map(p -> new ProfileChoice(
                        p.id(),
                        p.label(locale),
                        services.stream()
                                .filter(s -> rule.opens(p, s))
                                .map(s -> ProfileAccessRule.serviceName(s, locale))
                                .toList(),
                        move(p, currentId, TableauBinding.confirmed(context.getUser())),
                        p.detailsRequired()))
                .toList();
        UserModel user = context.getUser();
        MultivaluedMap<String, String> typed = shown.form();
        Map<String, String> claim = new HashMap<>();
        claim.put("profile", shown.claimed());
        claim.put("lastName", typed == null ? user.getLastName() : typed.getFirst("lastName"));
        claim.put("birthDate", typed == null ? "" : typed.getFirst("birthDate"));
        claim.put("numero", typed == null ? "" : typed.getFirst("numero"));
        var form = context.form()
                .setStatus(status)
                .setAttribute("ordreProfiles", choices)
                .setAttribute("ordreTableauClaim", claim)
                .setAttribute(
                        "ordreCurrentProfile", current.map(p -> p.label(locale)).orElse(""))
                .setAttribute("ordreContactEmail", AccountContact.email(realm));
        return PageMessages.show(
                        form,
                        shown.messages(),
                        key -> key.startsWith("ordreProfileChangeTableau")
                                ? PageMessages.Kind.SUCCESS
                                : PageMessages.Kind.ERROR)
                .createForm(TEMPLATE);
    }

    @Override
    public void close() {}
}
