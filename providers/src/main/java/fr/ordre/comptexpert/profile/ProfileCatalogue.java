package fr.ordre.comptexpert.profile;

import fr.ordre.comptexpert.tableau.RegisterList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The profiles a person can hold, as configured in the realm: each subgroup of the top-level group
 * {@code profils} is a profile, its attributes say how it is labelled, checked and entitled. Membership of
 * the subgroup is what grants the profile's roles. Read per request: no cache to go stale across nodes.
 */
public final class ProfileCatalogue {

    public static final String ROOT_GROUP = "profils";
    static final String LABEL_FR = "label_fr";
    static final String LABEL_EN = "label_en";
    static final String RANK = "rank";
    static final String TABLEAU_LISTS = "tableau_lists";
    static final String EXPERTPASS = "expertpass";
    static final String SELF_REGISTRATION = "self_registration";
    static final String DETAILS_REQUIRED = "details_required";

    /** The request's catalogue, per realm, among the session's attributes. */
    private static final String ATTRIBUTE = ProfileCatalogue.class.getName() + ":";

    private static final Logger LOG = Logger.getLogger(ProfileCatalogue.class);

    private final List<OrdreProfile> profiles;

    private ProfileCatalogue(List<OrdreProfile> profiles) {
        this.profiles = profiles;
    }

    /**
     * The realm's catalogue, read once per request: sign-in, registration and the card each ask several times. The
     * root group is found by name, which the realm cache answers (listing the top-level groups went to the
     * database on every call: a fifth of a registration's CPU).
     */
    public static ProfileCatalogue of(KeycloakSession session, RealmModel realm) {
        String key = ATTRIBUTE + realm.getId();
        ProfileCatalogue known = session.getAttribute(key, ProfileCatalogue.class);
        if (known != null) {
            return known;
        }
        GroupModel root = session.groups().getGroupByName(realm, null, ROOT_GROUP);
        ProfileCatalogue catalogue;
        if (root == null) {
            LOG.warnf(
                    "Realm %s has no top-level group '%s': the profile catalogue is empty",
                    realm.getName(), ROOT_GROUP);
            catalogue = new ProfileCatalogue(List.of());
        } else {
            catalogue = new ProfileCatalogue(root.getSubGroupsStream()
                    .map(ProfileCatalogue::toProfile)
                    .sorted(Comparator.comparingInt(OrdreProfile::rank).thenComparing(OrdreProfile::id))
                    .toList());
        }
        session.setAttribute(key, catalogue);
        return catalogue;
    }

    /** A catalogue from profiles at hand (tests, other sources). */
    public static ProfileCatalogue of(List<OrdreProfile> profiles) {
        return new ProfileCatalogue(List.copyOf(profiles));
    }

    static OrdreProfile toProfile(GroupModel group) {
        String fr = attr(group, LABEL_FR, group.getName());
        return new OrdreProfile(
                group.getName(),
                fr,
                attr(group, LABEL_EN, fr),
                parseRank(attr(group, RANK, "500")),
                lists(attr(group, TABLEAU_LISTS, "")),
                flag(group, EXPERTPASS, false),
                flag(group, SELF_REGISTRATION, true),
                flag(group, DETAILS_REQUIRED, false),
                group.getId());
    }

    public List<OrdreProfile> all() {
        return profiles;
    }

    /** The profiles offered on the registration page (permanents, say, are given by the Ordre, not chosen). */
    public List<OrdreProfile> selfRegistrable() {
        return profiles.stream().filter(OrdreProfile::selfRegistration).toList();
    }

    public Optional<OrdreProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String attr(GroupModel group, String name, String fallback) {
        String value = group.getFirstAttribute(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static boolean flag(GroupModel group, String name, boolean fallback) {
        String value = group.getFirstAttribute(name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    private static int parseRank(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 500;
        }
    }

    static Set<RegisterList> lists(String codes) {
        Set<RegisterList> lists = EnumSet.noneOf(RegisterList.class);
        Arrays.stream(codes.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(code -> {
                    try {
                        lists.add(RegisterList.fromCode(code));
                    } catch (IllegalArgumentException e) {
                        LOG.warnf("Unknown Tableau list '%s' in the profile catalogue: ignored", code);
                    }
                });
        return lists;
    }

    @Override
    public String toString() {
        return profiles.stream().map(OrdreProfile::id).collect(Collectors.joining(",", "ProfileCatalogue[", "]"));
    }
}
