package fr.ordre.comptexpert.account;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.register.RegisterList;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileChangeActionTest {

    private static OrdreProfile profile(String id, Set<RegisterList> lists, boolean selfRegistration) {
        return new OrdreProfile(id, id, id, 100, lists, false, selfRegistration, false, "g-" + id);
    }

    @Test
    void onlyOpenSelfRegistrableProfilesAreImmediate() {
        OrdreProfile etudiant = profile("etudiant", Set.of(), true);
        OrdreProfile expert = profile("expert-comptable", Set.of(RegisterList.values()[0]), true);
        OrdreProfile permanent = profile("permanent", Set.of(), false);
        assertEquals(ProfileChoice.Move.IMMEDIATE, ProfileChangeAction.move(etudiant, "enseignant"));
        assertEquals(ProfileChoice.Move.IMMEDIATE, ProfileChangeAction.move(etudiant, null));
        assertEquals(ProfileChoice.Move.CURRENT, ProfileChangeAction.move(etudiant, "etudiant"));
        assertEquals(ProfileChoice.Move.TABLEAU_CHECK, ProfileChangeAction.move(expert, "etudiant"));
        assertEquals(ProfileChoice.Move.NOT_SELF_SERVICE, ProfileChangeAction.move(permanent, "etudiant"));
    }
}
