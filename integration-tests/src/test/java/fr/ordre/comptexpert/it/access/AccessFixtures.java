package fr.ordre.comptexpert.it.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Json;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The default matrix as documented in docs/access.md, and people of every profile made through the Admin API. */
public final class AccessFixtures {

    public static final String PASSWORD = "Comptexpert-Acces-2026!";

    static final List<String> TABLEAU = List.of(
            "expert-comptable",
            "stagiaire",
            "memorialiste",
            "expert-comptable-entreprise",
            "agc-83-ter",
            "agc-83-quater",
            "honoraire",
            "membre-ece");
    static final List<String> PROFILES = List.of(
            "expert-comptable",
            "stagiaire",
            "memorialiste",
            "expert-comptable-entreprise",
            "agc-83-ter",
            "agc-83-quater",
            "honoraire",
            "membre-ece",
            "etudiant",
            "enseignant",
            "permanent",
            "autre");

    /** Active entries of the demo register, one per list: numéro and conseil régional. */
    static final Map<String, String[]> REGISTER = Map.of(
            "expert-comptable", new String[] {"IDF-100001", "Île-de-France"},
            "stagiaire", new String[] {"BRE-100003", "Bretagne"},
            "memorialiste", new String[] {"NAQ-100007", "Nouvelle-Aquitaine"},
            "expert-comptable-entreprise", new String[] {"PDL-100010", "Pays de la Loire"},
            "agc-83-ter", new String[] {"HDF-100008", "Hauts-de-France"},
            "agc-83-quater", new String[] {"GES-100009", "Grand Est"},
            "honoraire", new String[] {"PAC-100006", "Provence-Alpes-Côte d'Azur"},
            "membre-ece", new String[] {"IDF-100012", "Île-de-France"});

    /** Client id → the profiles it admits (the table of docs/access.md). */
    static final Map<String, Set<String>> MATRIX;

    static {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("experts-comptables-fr", with(TABLEAU, "permanent"));
        m.put("bibliordre", with(TABLEAU, "permanent", "enseignant"));
        m.put(
                "network-experts-comptables",
                Set.of(
                        "expert-comptable",
                        "stagiaire",
                        "memorialiste",
                        "expert-comptable-entreprise",
                        "honoraire",
                        "permanent"));
        m.put("bibliobaseonline", with(TABLEAU, "permanent", "etudiant", "enseignant"));
        m.put("revue-francaise-comptabilite", Set.copyOf(PROFILES));
        MATRIX = Map.copyOf(m);
    }

    static final Map<String, String> SERVICE_NAMES = Map.of(
            "experts-comptables-fr", "experts-comptables.fr",
            "bibliordre", "Bibliordre",
            "network-experts-comptables", "Network Experts-comptables",
            "bibliobaseonline", "Bibliobaseonline",
            "revue-francaise-comptabilite", "Revue Française de Comptabilité");

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private AccessFixtures() {}

    private static Set<String> with(List<String> base, String... more) {
        var all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** A person of that profile (Tableau profiles tied to an active register entry), with a password. */
    public static String createUser(AdminApi admin, String prefix, String profile, String locale) {
        String[] entry = REGISTER.get(profile);
        return createUser(
                admin, prefix, profile, entry == null ? null : entry[0], entry == null ? null : entry[1], locale);
    }

    static String createUser(
            AdminApi admin, String prefix, String profile, String numero, String conseil, String locale) {
        // The realm's identifiant rule holds for accounts an administrator makes too: 4 to 30 characters.
        String username = (prefix + "-" + RUN + "-" + SEQ.incrementAndGet()).toLowerCase();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("ordreProfile", List.of(profile));
        attributes.put("birthDate", List.of("1980-01-15"));
        attributes.put("locale", List.of(locale));
        if (numero != null) {
            attributes.put("ordreNumero", List.of(numero));
            attributes.put("ordreConseilRegional", List.of(conseil));
        }
        if ("autre".equals(profile)) {
            attributes.put("ordreProfileDetail", List.of("Collaborateur de cabinet"));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@acces.example");
        user.put("emailVerified", true);
        user.put("firstName", "Camille");
        user.put("lastName", "Test-" + profile);
        user.put("attributes", attributes);
        user.put("groups", List.of("/profils/" + profile));
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> response = admin.post("/admin/realms/ordre/users", user);
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "User " + username + " not created: " + response.statusCode() + " " + response.body());
        }
        return username;
    }

    static String userId(AdminApi admin, String username) {
        return admin.userByUsername("ordre", username).get("id").asText();
    }

    public static String groupId(AdminApi admin, String profile) {
        return admin.get("/admin/realms/ordre/group-by-path/profils/" + profile)
                .get("id")
                .asText();
    }

    /** What an admin does in the console to change someone's profile: leave one profile group, join another. */
    static void moveToProfile(AdminApi admin, String username, String from, String to) {
        String id = userId(admin, username);
        expect(admin.delete("/admin/realms/ordre/users/" + id + "/groups/" + groupId(admin, from)), 204);
        expect(admin.put("/admin/realms/ordre/users/" + id + "/groups/" + groupId(admin, to), Map.of()), 204);
    }

    static void setAttribute(AdminApi admin, String username, String name, String value) {
        String id = userId(admin, username);
        JsonNode user = admin.get("/admin/realms/ordre/users/" + id);
        var rep = Json.MAPPER.convertValue(user, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) rep.get("attributes");
        attributes.put(name, List.of(value));
        expect(admin.put("/admin/realms/ordre/users/" + id, rep), 204);
    }

    /** The realm's events of that type for the user, newest first. */
    static JsonNode events(AdminApi admin, String username, String type) {
        return admin.get("/admin/realms/ordre/events?type=" + type + "&user=" + userId(admin, username));
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " "
                    + response.request().uri() + " gave " + response.statusCode() + ": " + response.body());
        }
    }
}
