package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.binding.TableauBinding;
import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who may use Expertpass: the catalogue's {@code expertpass} flag of the user's profile, read on every use;
 * for a Tableau profile, only once the account's Tableau binding is proved (it shows the card's promise).
 */
final class ExpertpassEligibility {

    private ExpertpassEligibility() {}

    static boolean eligible(KeycloakSession session, RealmModel realm, UserModel user) {
        String profile = user.getFirstAttribute(OrdreAttributes.PROFILE);
        return profile != null
                && ProfileCatalogue.of(session, realm)
                        .find(profile)
                        .map(p -> p.expertpass() && (!p.checkedAgainstTableau() || !TableauBinding.awaitingProof(user)))
                        .orElse(false);
    }
}
