package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.register.RegisterEntry;
import fr.ordre.comptexpert.register.TableauRegister;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds the register entry a person claims to be: by nom and date de naissance (the prénom tells
 * homonyms apart), or by numéro d'inscription and date de naissance. Only active entries on one of the
 * profile's lists count.
 */
final class TableauMatch {

    private TableauMatch() {
    }

    static Optional<RegisterEntry> byNameAndBirthDate(TableauRegister register, OrdreProfile profile, String nom,
                                                      String prenom, LocalDate birthDate) {
        List<RegisterEntry> candidates = register.findByNameAndBirthDate(nom, birthDate).stream()
                .filter(e -> eligible(e, profile)).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        List<RegisterEntry> samePrenom = candidates.stream().filter(e -> e.matchesPrenom(prenom)).toList();
        return samePrenom.size() == 1 ? Optional.of(samePrenom.get(0)) : Optional.empty();
    }

    /** The numéro is public (annuaire): the birth date must match too. */
    static Optional<RegisterEntry> byNumero(TableauRegister register, OrdreProfile profile, String numero, LocalDate birthDate) {
        return register.findByNumero(numero)
                .filter(e -> eligible(e, profile) && birthDate.equals(e.dateNaissance()));
    }

    private static boolean eligible(RegisterEntry entry, OrdreProfile profile) {
        return entry.isActive() && profile.tableauLists().contains(entry.liste());
    }
}
