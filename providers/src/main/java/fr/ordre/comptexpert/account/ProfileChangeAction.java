package fr.ordre.comptexpert.account;

import fr.ordre.comptexpert.access.ProfileAccessRule;
import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Changer de profil": shows what each profile opens and moves the member to an open profile (one not
 * checked against the Tableau) at once: the profile group and {@code ordreProfile} change together, so the
 * access gate and the {@code ordre_profile} claim follow at the next sign-in or refresh. Leaving a Tableau
 * profile unbinds the register entry (numéro, conseil régional, birth date), which becomes free again.
 * Moving into a Tableau profile needs the register check and proof of registration; until that proof
 * exists outside registration, the page shows whom to ask ({@link ProfileChoice.Move#TABLEAU_CHECK}).
 */
final class ProfileChangeAction implements RequiredActionProvider {

    static final String TEMPLATE = "ordre-profile-change.ftl";
    static final String DETAIL_PREVIOUS = "ordre_profile_previous";
    static final String DETAIL_PROFILE = "ordre_profile";
    static final String DETAIL_RELEASED = "ordre_numero_released";
    static final String ERROR_NOT_OPEN = "ordre_profile_not_open";
    static final int DETAIL_MAX_LENGTH = 100;

    private static final Logger LOG = Logger.getLogger(ProfileChangeAction.class);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null, Response.Status.OK));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        ProfileCatalogue catalogue = ProfileCatalogue.of(context.getSession(), realm);
        String previous = currentProfile(user, catalogue).map(OrdreProfile::id).orElse(null);
        String wanted = form.getFirst("profile");
        Optional<OrdreProfile> target = wanted == null ? Optional.empty() : catalogue.find(wanted.strip());
        if (target.isEmpty() || move(target.get(), previous) != ProfileChoice.Move.IMMEDIATE) {
            context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR).detail(DETAIL_PREVIOUS, previous)
                    .detail(DETAIL_PROFILE, target.map(OrdreProfile::id).orElse("unknown")).error(ERROR_NOT_OPEN);
            context.challenge(page(context, "ordreProfileChangeNotOpen", Response.Status.BAD_REQUEST));
            return;
        }
        OrdreProfile to = target.get();
        String detail = Optional.ofNullable(form.getFirst("detail")).map(String::strip).orElse("");
        if (to.detailsRequired() && (detail.isEmpty() || detail.length() > DETAIL_MAX_LENGTH)) {
            context.challenge(page(context, "ordreProfileChangeDetailRequired", Response.Status.BAD_REQUEST));
            return;
        }
        String released = apply(realm, user, catalogue, to, detail);
        var event = context.getEvent().clone().event(EventType.UPDATE_PROFILE).detail(Details.CONTEXT, "ordre_profile_change")
                .detail(DETAIL_PREVIOUS, previous).detail(DETAIL_PROFILE, to.id());
        if (released != null) {
            event.detail(DETAIL_RELEASED, released);
        }
        event.success();
        LOG.debugf("User %s of realm %s moved from profile %s to %s (entry released: %s)", user.getUsername(),
                realm.getName(), previous, to.id(), released);
        context.success();
    }

    /** Group and attributes together; returns the numéro of the register entry let go, if any. */
    private static String apply(RealmModel realm, UserModel user, ProfileCatalogue catalogue, OrdreProfile to, String detail) {
        Set<String> profileGroups = catalogue.all().stream().map(OrdreProfile::groupId).collect(Collectors.toSet());
        user.getGroupsStream().filter(g -> profileGroups.contains(g.getId())).toList().forEach(user::leaveGroup);
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

    static ProfileChoice.Move move(OrdreProfile target, String currentId) {
        if (target.id().equals(currentId)) {
            return ProfileChoice.Move.CURRENT;
        }
        if (!target.selfRegistration()) {
            return ProfileChoice.Move.NOT_SELF_SERVICE;
        }
        return target.checkedAgainstTableau() ? ProfileChoice.Move.TABLEAU_CHECK : ProfileChoice.Move.IMMEDIATE;
    }

    private static Optional<OrdreProfile> currentProfile(UserModel user, ProfileCatalogue catalogue) {
        Set<String> groups = user.getGroupsStream().map(GroupModel::getId).collect(Collectors.toSet());
        Optional<OrdreProfile> byGroup = catalogue.all().stream().filter(p -> groups.contains(p.groupId())).findFirst();
        return byGroup.isPresent() ? byGroup : catalogue.find(String.valueOf(user.getFirstAttribute(OrdreAttributes.PROFILE)));
    }

    private static Response page(RequiredActionContext context, String error, Response.Status status) {
        RealmModel realm = context.getRealm();
        ProfileCatalogue catalogue = ProfileCatalogue.of(context.getSession(), realm);
        ProfileAccessRule rule = new ProfileAccessRule(context.getSession(), realm);
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        Optional<OrdreProfile> current = currentProfile(context.getUser(), catalogue);
        String currentId = current.map(OrdreProfile::id).orElse(null);
        List<ClientModel> services = rule.gatedServices();
        List<ProfileChoice> choices = catalogue.all().stream().map(p -> new ProfileChoice(p.id(), p.label(locale),
                services.stream().filter(s -> rule.opens(p, s)).map(ProfileAccessRule::serviceName).toList(),
                move(p, currentId), p.detailsRequired())).toList();
        var form = context.form().setStatus(status)
                .setAttribute("ordreProfiles", choices)
                .setAttribute("ordreCurrentProfile", current.map(p -> p.label(locale)).orElse(""))
                .setAttribute("ordreContactEmail", AccountContact.email(realm));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
