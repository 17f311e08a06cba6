package fr.ordre.comptexpert.profile;

import fr.ordre.comptexpert.tableau.RegisterList;
import java.util.Locale;
import java.util.Set;

/**
 * One profile of the catalogue, read from a subgroup of {@code /profils}: ops edit it in the admin console.
 *
 * @param tableauLists the register lists a person of this profile must be found on; empty: no Tableau check
 */
public record OrdreProfile(
        String id,
        String labelFr,
        String labelEn,
        int rank,
        Set<RegisterList> tableauLists,
        boolean expertpass,
        boolean selfRegistration,
        boolean detailsRequired,
        String groupId) {

    public boolean checkedAgainstTableau() {
        return !tableauLists.isEmpty();
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }
}
