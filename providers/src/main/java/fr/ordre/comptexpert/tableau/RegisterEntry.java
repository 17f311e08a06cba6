package fr.ordre.comptexpert.tableau;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * One person on the Tableau.
 *
 * @param numero          numéro d'inscription, in its canonical form ({@link TableauRegister#normalizeNumero(String)})
 * @param nom             nom de naissance, as written in the register
 * @param nomUsage        nom d'usage, or null when the person uses their birth name
 * @param prenoms         prénoms, space or comma separated, as written in the register
 * @param dateNaissance   date de naissance; never shown nor put in tokens (GDPR minimisation)
 * @param liste           the list of the Tableau the person is on
 * @param conseilRegional the conseil régional that keeps the entry
 * @param statut          inscrit, suspendu or radié
 * @param email           the address the Ordre has on file for the member, lower case, or null when there is none;
 *                        personal data: never logged (left out of {@link #toString()})
 */
public record RegisterEntry(
        String numero,
        String nom,
        String nomUsage,
        String prenoms,
        LocalDate dateNaissance,
        RegisterList liste,
        String conseilRegional,
        RegisterStatus statut,
        String email) {

    /** The address on file, if any: the only channel that proves who registers with this entry. */
    public Optional<String> emailOnFile() {
        return Optional.ofNullable(email);
    }

    /**
     * true if the given name is the entry's nom or nom d'usage, compared through
     * {@link NameNormalizer#sameName(String, String)}, as {@link TableauRegister#findByNameAndBirthDate} does.
     */
    public boolean matchesNom(String typed) {
        return NameNormalizer.sameName(typed, nom) || NameNormalizer.sameName(typed, nomUsage);
    }

    /**
     * true if the given prénom equals one of the entry's prénoms (space/comma separated) or the whole
     * prénoms string, compared through {@link NameNormalizer#variants(String)}: "Jurgen" and "Juergen"
     * both match "Jürgen", "Bjorn" and "Bjoern" match "Bjørn".
     */
    public boolean matchesPrenom(String prenom) {
        Set<String> wanted = NameNormalizer.variants(prenom);
        if (wanted.isEmpty() || prenoms == null) {
            return false;
        }
        if (!Collections.disjoint(wanted, NameNormalizer.variants(prenoms))) {
            return true;
        }
        for (String one : prenoms.split("[\\s,]+")) {
            if (!Collections.disjoint(wanted, NameNormalizer.variants(one))) {
                return true;
            }
        }
        return false;
    }

    public boolean isActive() {
        return statut == RegisterStatus.INSCRIT;
    }

    /** Leaves the birth date and the email out: entries end up in logs, personal data must not (GDPR minimisation). */
    @Override
    public String toString() {
        return "RegisterEntry[numero=" + numero + ", nom=" + nom + ", nomUsage=" + nomUsage + ", prenoms=" + prenoms
                + ", liste=" + (liste == null ? null : liste.code()) + ", conseilRegional=" + conseilRegional
                + ", statut=" + (statut == null ? null : statut.code()) + ", emailOnFile=" + (email != null) + "]";
    }
}
