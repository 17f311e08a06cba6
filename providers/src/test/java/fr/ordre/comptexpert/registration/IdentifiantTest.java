package fr.ordre.comptexpert.registration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IdentifiantTest {

    @Test
    void rules() {
        assertNull(Identifiant.check("marie.lefevre"));
        assertNull(Identifiant.check("m-l_2026"));
        assertEquals("ordreRegFieldRequired", Identifiant.check(""));
        for (String bad : List.of("abc", "2marie", "marie..lefevre", "marie.", "Marie", "marie lefevre", "marié", "a".repeat(31))) {
            assertEquals("ordreRegIdentifiantRules", Identifiant.check(bad), bad);
        }
    }

    @Test
    void suggestionsAreFreeWellFormedAndBuiltFromTheNames() {
        Set<String> taken = Set.of("joao.d-almeida", "j.d-almeida");
        assertEquals(List.of("joao.d-almeida2", "joao.d-almeida3", "joao.d-almeida4"),
                Identifiant.suggestions("João", "d'Almeida", taken::contains));
        assertEquals(List.of("marie-helene.lefevre-dupont", "m.lefevre-dupont", "marie-helene.lefevre-dupont2"),
                Identifiant.suggestions("Marie Hélène", "Lefèvre-Dupont", s -> false));
    }
}
