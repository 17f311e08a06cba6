package fr.ordre.comptexpert.register;

import java.time.LocalDate;
import java.util.Optional;

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
public record RegisterEntry(String numero, String nom, String nomUsage, String prenoms, LocalDate dateNaissance,
                            RegisterList liste, String conseilRegional, RegisterStatus statut, String email) {

    /** The address on file, if any: the only channel that proves who registers with this entry. */
    public Optional<String> emailOnFile() {
        return Optional.ofNullable(email);
    }

    /** true if the given prénom (normalised) equals one of the entry's prénoms (space/comma separated) or the whole prénoms string. */
    public boolean matchesPrenom(String prenom) {
        String wanted = NameNormalizer.normalize(prenom);
        if (wanted.isEmpty() || prenoms == null) {
            return false;
        }
        if (wanted.equals(NameNormalizer.normalize(prenoms))) {
            return true;
        }
        for (String one : prenoms.split("[\\s,]+")) {
            if (wanted.equals(NameNormalizer.normalize(one))) {
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
