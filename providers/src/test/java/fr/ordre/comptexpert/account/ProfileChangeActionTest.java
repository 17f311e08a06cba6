package fr.ordre.comptexpert.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.RegisterList;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileChangeActionTest {

    private static OrdreProfile profile(String id, Set<RegisterList> lists, boolean selfRegistration) {
        return new OrdreProfile(id, id, id, 100, lists, false, selfRegistration, false, "g-" + id);
    }

    @Test
    void onlyOpenSelfRegistrableProfilesAreImmediate() {
        OrdreProfile etudiant = profile("etudiant", Set.of(), true);
        OrdreProfile expert = profile("expert-comptable", Set.of(RegisterList.values()[0]), true);
        OrdreProfile permanent = profile("permanent", Set.of(), false);
        assertEquals(ProfileChoice.Move.IMMEDIATE, ProfileChangeAction.move(etudiant, "enseignant", false));
        assertEquals(ProfileChoice.Move.IMMEDIATE, ProfileChangeAction.move(etudiant, null, false));
        assertEquals(ProfileChoice.Move.CURRENT, ProfileChangeAction.move(etudiant, "etudiant", false));
        assertEquals(ProfileChoice.Move.TABLEAU_CLAIM, ProfileChangeAction.move(expert, "etudiant", false));
        assertEquals(
                ProfileChoice.Move.TABLEAU_CLAIM,
                ProfileChangeAction.move(expert, "stagiaire", false),
                "a pending stagiaire may claim again");
        assertEquals(
                ProfileChoice.Move.TABLEAU_CHECK,
                ProfileChangeAction.move(expert, "stagiaire", true),
                "a bound member moves through the Ordre");
        assertEquals(ProfileChoice.Move.NOT_SELF_SERVICE, ProfileChangeAction.move(permanent, "etudiant", false));
    }
}
