package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.util.Optional;

/**
 * Whether the account and the Tableau still back an authentic, unexpired card, from facts read now. Pure, so
 * every branch is unit-tested, the register's own verdicts (radié, suspendu, other list) among them.
 */
final class CardStanding {

    private CardStanding() {}

    /**
     * Null if the card is backed; otherwise the reason (an event detail).
     *
     * @param accountProfile the account's ordreProfile now
     * @param accountNumero  the account's ordreNumero now
     * @param entry          the register's entry for the account's numéro, active or not
     */
    static String refusal(
            ProfessionalCard card,
            Optional<OrdreProfile> profile,
            boolean accountExists,
            boolean enabled,
            String accountProfile,
            String accountNumero,
            Optional<RegisterEntry> entry) {
        if (!accountExists) {
            return "account-deleted";
        }
        if (!enabled) {
            return "account-disabled";
        }
        if (profile.isEmpty() || !profile.get().expertpass() || !card.profil().equals(accountProfile)) {
            return "profile-changed";
        }
        if (card.permanent()) {
            return profile.get().checkedAgainstTableau() ? "profile-changed" : null;
        }
        if (!TableauRegister.normalizeNumero(card.numero()).equals(TableauRegister.normalizeNumero(accountNumero))) {
            return "numero-changed";
        }
        if (entry.isEmpty()) {
            return "not-on-register";
        }
        if (!entry.get().isActive()) {
            return "struck-off";
        }
        return profile.get().tableauLists().contains(entry.get().liste()) ? null : "other-list";
    }
}
