package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.NameNormalizer;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.time.LocalDate;
import java.util.List;

/**
 * The register entry a person says they are. With a numéro, that entry if nom (birth or usage), date de
 * naissance and prénom agree with it; without, the one entry of that nom and date whose prénoms include the
 * typed one. Only active entries on one of the profile's lists count. What is found is never shown: it only
 * decides where the proof is asked for.
 */
record TableauClaim(Outcome outcome, RegisterEntry entry) {

    enum Outcome {
        MATCHED,
        AMBIGUOUS,
        NONE
    }

    private static final TableauClaim NONE = new TableauClaim(Outcome.NONE, null);

    static TableauClaim find(
            TableauRegister register,
            OrdreProfile profile,
            String nom,
            String prenom,
            LocalDate birthDate,
            String numero) {
        if (register == null || birthDate == null) {
            return NONE;
        }
        if (numero != null && !numero.isEmpty()) {
            return register.findByNumero(numero)
                    .filter(e -> eligible(e, profile)
                            && birthDate.equals(e.dateNaissance())
                            && sameNom(e, nom)
                            && e.matchesPrenom(prenom))
                    .map(e -> new TableauClaim(Outcome.MATCHED, e))
                    .orElse(NONE);
        }
        List<RegisterEntry> candidates = register.findByNameAndBirthDate(nom, birthDate).stream()
                .filter(e -> eligible(e, profile) && e.matchesPrenom(prenom))
                .toList();
        return switch (candidates.size()) {
            case 0 -> NONE;
            case 1 -> new TableauClaim(Outcome.MATCHED, candidates.get(0));
            default -> new TableauClaim(Outcome.AMBIGUOUS, null);
        };
    }

    boolean matched() {
        return outcome == Outcome.MATCHED;
    }

    private static boolean sameNom(RegisterEntry entry, String nom) {
        return NameNormalizer.sameName(nom, entry.nom())
                || (entry.nomUsage() != null && NameNormalizer.sameName(nom, entry.nomUsage()));
    }

    private static boolean eligible(RegisterEntry entry, OrdreProfile profile) {
        return entry.isActive() && profile.tableauLists().contains(entry.liste());
    }
}
