package fr.ordre.comptexpert.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifiantTest {

    @Test
    void rules() {
        assertNull(Identifiant.check("marie.lefevre"));
        assertNull(Identifiant.check("m-l_2026"));
        assertEquals("ordreRegFieldRequired", Identifiant.check(""));
        for (String bad : List.of(
                "abc", "2marie", "marie..lefevre", "marie.", "Marie", "marie lefevre", "marié", "a".repeat(31))) {
            assertEquals("ordreRegIdentifiantRules", Identifiant.check(bad), bad);
        }
    }

    /** The realm's user profile (realm-config) holds the same rule for username, and the names' length. */
    @Test
    void theRealmsUserProfileHoldsTheSameRule() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode realm =
                json.readTree(Path.of("../realm-config/realm/ordre-realm.json").toFile());
        JsonNode config = json.readTree(
                realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                        .asText());
        Map<String, JsonNode> attributes = new HashMap<>();
        config.get("attributes").forEach(a -> attributes.put(a.get("name").asText(), a.get("validations")));
        JsonNode username = attributes.get("username");
        assertEquals(Identifiant.MIN, username.at("/length/min").asInt());
        assertEquals(Identifiant.MAX, username.at("/length/max").asInt());
        assertEquals(Identifiant.PATTERN, username.at("/pattern/pattern").asText());
        assertEquals(
                "ordreIdentifiantRules", username.at("/pattern/error-message").asText());
        for (String fr : List.of("fr", "en")) {
            assertFalse(
                    realm.at("/localizationTexts/" + fr + "/ordreIdentifiantRules")
                            .asText()
                            .isBlank(),
                    fr);
        }
        assertEquals(
                IdentityForm.NAME_MAX,
                attributes.get("firstName").at("/length/max").asInt());
        assertEquals(
                IdentityForm.NAME_MAX,
                attributes.get("lastName").at("/length/max").asInt());
    }

    @Test
    void suggestionsAreFreeWellFormedAndBuiltFromTheNames() {
        Set<String> taken = Set.of("joao.d-almeida", "j.d-almeida");
        assertEquals(
                List.of("joao.d-almeida2", "joao.d-almeida3", "joao.d-almeida4"),
                Identifiant.suggestions("João", "d'Almeida", taken::contains));
        assertEquals(
                List.of("marie-helene.lefevre-dupont", "m.lefevre-dupont", "marie-helene.lefevre-dupont2"),
                Identifiant.suggestions("Marie Hélène", "Lefèvre-Dupont", s -> false));
    }
}
