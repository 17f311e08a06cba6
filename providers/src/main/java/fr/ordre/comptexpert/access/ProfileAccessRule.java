package fr.ordre.comptexpert.access;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Access by profile: a client is gated when it has the client role {@value #ACCESS_ROLE}; the profile groups
 * (subgroups of {@code /profils}) that may enter it are granted that role (admin console: Groups → Role
 * mapping). Members whose access comes from a Tableau profile must also still be active on the register.
 * Everything is read per request from Keycloak's stores, so a change made by an admin applies at the
 * next sign-in or refresh on every node.
 */
public final class ProfileAccessRule {

    /** The client role that opens a service; "accès" without the accent, as Keycloak role names are identifiers. */
    public static final String ACCESS_ROLE = "acces";

    private static final Logger LOG = Logger.getLogger(ProfileAccessRule.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public ProfileAccessRule(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public AccessDecision decide(ClientModel client, UserModel user) {
        RoleModel role = client.getRole(ACCESS_ROLE);
        if (role == null) {
            return new AccessDecision(AccessDecision.Outcome.NOT_GATED, null);
        }
        List<OrdreProfile> held = heldProfiles(user);
        List<OrdreProfile> granting = held.stream().filter(p -> grants(p, role)).toList();
        AccessDecision.Outcome outcome = AccessDecision.decide(user.hasRole(role), granting, () -> registerEntry(user));
        return new AccessDecision(outcome, currentProfileId(user, held));
    }

    /** The profiles whose group is granted the client's access role, in catalogue order: who the service is for. */
    public List<OrdreProfile> allowedProfiles(ClientModel client) {
        RoleModel role = client.getRole(ACCESS_ROLE);
        if (role == null) {
            return List.of();
        }
        return ProfileCatalogue.of(session, realm).all().stream()
                .filter(p -> grants(p, role))
                .toList();
    }

    /** The gated services of the realm (clients with the access role), by name: the columns of the matrix. */
    public List<ClientModel> gatedServices() {
        return realm.getClientsStream()
                .filter(c -> c.getRole(ACCESS_ROLE) != null)
                .sorted(Comparator.comparing(ProfileAccessRule::serviceName))
                .toList();
    }

    /** Whether the profile's group opens the gated service (one cell of the matrix). */
    public boolean opens(OrdreProfile profile, ClientModel service) {
        RoleModel role = service.getRole(ACCESS_ROLE);
        return role != null && grants(profile, role);
    }

    /** The name people know a service by: its display name, else its client id. */
    public static String serviceName(ClientModel client) {
        String name = client.getName();
        return name == null || name.isBlank() || name.startsWith("${") ? client.getClientId() : name;
    }

    /**
     * Client attribute: the French name with its article where the name takes one ("la Revue Française de
     * Comptabilité", "le Network Experts-comptables"); names without article (Bibliordre) leave it unset.
     */
    public static final String ARTICLE_NAME_ATTRIBUTE = "ordreNameWithArticle";

    /** The service's name as a French sentence uses it: with its article in French, the display name otherwise. */
    public static String serviceName(ClientModel client, Locale locale) {
        String withArticle = client.getAttribute(ARTICLE_NAME_ATTRIBUTE);
        boolean french = locale == null || "fr".equals(locale.getLanguage());
        return french && withArticle != null && !withArticle.isBlank() ? withArticle.strip() : serviceName(client);
    }

    /** "à" and the name, contracted as French writes it: "au Network…", "aux …", "à la Revue…", "à Bibliordre". */
    public static String toService(ClientModel client) {
        String name = serviceName(client, Locale.FRENCH);
        if (name.startsWith("le ")) {
            return "au " + name.substring(3);
        }
        if (name.startsWith("les ")) {
            return "aux " + name.substring(4);
        }
        return "à " + name;
    }

    public Optional<OrdreProfile> profile(String id) {
        return id == null
                ? Optional.empty()
                : ProfileCatalogue.of(session, realm).find(id);
    }

    private List<OrdreProfile> heldProfiles(UserModel user) {
        Map<String, OrdreProfile> byGroup = ProfileCatalogue.of(session, realm).all().stream()
                .collect(Collectors.toMap(OrdreProfile::groupId, Function.identity(), (a, b) -> a));
        return user.getGroupsStream()
                .map(g -> byGroup.get(g.getId()))
                .filter(p -> p != null)
                .sorted(Comparator.comparingInt(OrdreProfile::rank))
                .toList();
    }

    private boolean grants(OrdreProfile profile, RoleModel role) {
        GroupModel group = realm.getGroupById(profile.groupId());
        return group != null && group.hasRole(role);
    }

    /** The profile group the user is in (what access follows); the attribute only when the user is in none. */
    private static String currentProfileId(UserModel user, List<OrdreProfile> held) {
        return held.isEmpty()
                ? user.getFirstAttribute(OrdreAttributes.PROFILE)
                : held.get(0).id();
    }

    private Optional<RegisterEntry> registerEntry(UserModel user) {
        String numero = user.getFirstAttribute(OrdreAttributes.NUMERO);
        if (numero == null || numero.isBlank()) {
            return Optional.empty();
        }
        TableauRegister register = session.getProvider(TableauRegister.class);
        if (register == null) {
            // Fail closed: without the register nobody can be shown to be still on the Tableau.
            LOG.warnf(
                    "No Tableau register provider: access by a Tableau profile refused (user %s)", user.getUsername());
            return Optional.empty();
        }
        return register.findByNumero(numero);
    }
}
