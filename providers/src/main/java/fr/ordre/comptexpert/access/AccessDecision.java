package fr.ordre.comptexpert.access;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the access rule says for one user and one client.
 *
 * @param outcome   allowed or why not
 * @param profileId the user's current profile id (for the event and the refusal page), or null
 */
public record AccessDecision(Outcome outcome, String profileId) {

    public enum Outcome {
        /** The client has no {@code acces} role: open to every signed-in user. */
        NOT_GATED,
        ALLOWED,
        /** None of the user's profiles (nor a direct role mapping) grants the client's {@code acces} role. */
        PROFILE_NOT_ALLOWED,
        /** Only Tableau profiles grant access, and the user's register entry is missing, inactive or on another list. */
        NOT_ON_REGISTER
    }

    public boolean allowed() {
        return outcome == Outcome.NOT_GATED || outcome == Outcome.ALLOWED;
    }

    /**
     * The rule itself, free of Keycloak so that it can be tested alone.
     *
     * @param hasAccessRole     the user holds the client's {@code acces} role, through a group or directly
     * @param grantingProfiles  the user's profiles whose group is granted that role
     * @param registerEntry     looked up only when needed: the entry under the user's numéro d'inscription
     */
    static Outcome decide(
            boolean hasAccessRole,
            List<OrdreProfile> grantingProfiles,
            Supplier<Optional<RegisterEntry>> registerEntry) {
        if (!hasAccessRole) {
            return Outcome.PROFILE_NOT_ALLOWED;
        }
        // A role given directly (or by a group outside /profils) is an explicit decision of the Ordre's admins.
        if (grantingProfiles.isEmpty() || grantingProfiles.stream().anyMatch(p -> !p.checkedAgainstTableau())) {
            return Outcome.ALLOWED;
        }
        // Access comes from being on the Tableau only: the register must still say so (struck off, suspended: no).
        Optional<RegisterEntry> entry = registerEntry.get();
        boolean onList = entry.isPresent()
                && entry.get().isActive()
                && grantingProfiles.stream()
                        .anyMatch(p -> p.tableauLists().contains(entry.get().liste()));
        return onList ? Outcome.ALLOWED : Outcome.NOT_ON_REGISTER;
    }
}
