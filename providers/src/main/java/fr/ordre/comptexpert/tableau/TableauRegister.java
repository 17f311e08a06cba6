package fr.ordre.comptexpert.tableau;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.provider.Provider;

/**
 * The Tableau de l'Ordre as seen by registration: who is on which list, under which numéro.
 * A deployment plugs in its real source through {@link TableauRegisterFactory}; the bundle ships a
 * file-backed one. Implementations must be cheap to call: lookups happen during form submission.
 */
public interface TableauRegister extends Provider {

    /** Entries born on that date whose birth name (nom) or usage name (nom d'usage) matches, after normalisation. */
    List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate);

    /** The entry with that numéro d'inscription, compared after {@link #normalizeNumero(String)}. */
    Optional<RegisterEntry> findByNumero(String numero);

    /**
     * Canonical form of a numéro d'inscription: trimmed, upper-cased, without any whitespace, so
     * that "idf 012345" typed by a person finds "IDF-012345". Null-safe: returns "".
     */
    static String normalizeNumero(String numero) {
        if (numero == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(numero.length());
        for (int i = 0; i < numero.length(); i++) {
            char c = numero.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    default void close() {}
}
