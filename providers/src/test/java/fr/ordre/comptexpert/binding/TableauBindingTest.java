package fr.ordre.comptexpert.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TableauBindingTest {

    static RegisterEntry prenoms(String prenoms) {
        return new RegisterEntry(
                "IDF-1",
                "Lefèvre-Dupont",
                null,
                prenoms,
                LocalDate.of(1975, 3, 14),
                RegisterList.EXPERT_COMPTABLE,
                "Île-de-France",
                RegisterStatus.INSCRIT,
                null);
    }

    @Test
    void thePrenomIsSpeltAsTheRegisterWritesIt() {
        assertEquals("Hélène", TableauBinding.registerPrenom(prenoms("Marie Hélène"), "helene"));
        assertEquals("Marie Hélène", TableauBinding.registerPrenom(prenoms("Marie Hélène"), "marie helene"));
        assertEquals(
                "Marie", TableauBinding.registerPrenom(prenoms("Marie Hélène"), "Zoé"), "not one of them: the first");
        assertEquals("typed", TableauBinding.registerPrenom(prenoms(""), "typed"));
    }
}
