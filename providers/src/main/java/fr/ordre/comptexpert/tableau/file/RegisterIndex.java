package fr.ordre.comptexpert.tableau.file;

import fr.ordre.comptexpert.tableau.NameNormalizer;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable lookup tables over one load of the register file. Replaced as a whole on reload, so
 * readers never see a half-built index.
 */
final class RegisterIndex {

    static final RegisterIndex EMPTY = new RegisterIndex(Map.of(), Map.of(), 0);

    /**
     * each of NameNormalizer.variants(name) + '|' + ISO date -> a RegisterEntry, or a RegisterEntry[] for
     * homonyms. Most keys hold one person: storing the entry itself instead of a list saves a few MB at
     * 100k entries.
     */
    private final Map<String, Object> byNameAndDate;

    private final Map<String, RegisterEntry> byNumero;
    private final int withEmail;

    private RegisterIndex(Map<String, Object> byNameAndDate, Map<String, RegisterEntry> byNumero, int withEmail) {
        this.byNameAndDate = byNameAndDate;
        this.byNumero = byNumero;
        this.withEmail = withEmail;
    }

    static String key(String normalizedName, LocalDate date) {
        return normalizedName + '|' + date;
    }

    /** Entries found under any of the typed name's {@link NameNormalizer#variants(String) keys}, each once. */
    List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate) {
        if (birthDate == null) {
            return List.of();
        }
        Set<String> names = NameNormalizer.variants(nom);
        if (names.size() == 1) {
            return found(byNameAndDate.get(key(names.iterator().next(), birthDate)));
        }
        // "Müller" typed against a register spelling "Mueller" (or the reverse): rare, so the union may allocate.
        List<RegisterEntry> all = new ArrayList<>(2);
        for (String name : names) {
            for (RegisterEntry entry : found(byNameAndDate.get(key(name, birthDate)))) {
                if (!all.contains(entry)) {
                    all.add(entry);
                }
            }
        }
        return List.copyOf(all);
    }

    private static List<RegisterEntry> found(Object found) {
        if (found == null) {
            return List.of();
        }
        return found instanceof RegisterEntry entry ? List.of(entry) : List.of((RegisterEntry[]) found);
    }

    Optional<RegisterEntry> findByNumero(String numero) {
        String key = TableauRegister.normalizeNumero(numero);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byNumero.get(key));
    }

    int size() {
        return byNumero.size();
    }

    /** Entries with an address on file: shown to operators, so a column that was not read is noticed. */
    int withEmail() {
        return withEmail;
    }

    /** Collects entries of one load; not thread-safe, used by a single loading thread. */
    static final class Builder {

        private final Map<String, Object> byNameAndDate = new HashMap<>();
        private final Map<String, RegisterEntry> byNumero = new HashMap<>();
        private int withEmail;

        boolean containsNumero(String numero) {
            return byNumero.containsKey(numero);
        }

        /**
         * Adds an entry whose numero is not yet in the index, under every key of its nom and nom d'usage:
         * a second key only for names with a second usual spelling (ä, ö, ü, å, ø), so few entries have one.
         */
        void add(RegisterEntry entry) {
            byNumero.put(entry.numero(), entry);
            if (entry.email() != null) {
                withEmail++;
            }
            Set<String> nom = NameNormalizer.variants(entry.nom());
            for (String name : nom) {
                addName(name, entry);
            }
            for (String usage : NameNormalizer.variants(entry.nomUsage())) {
                // Same key twice would list the person twice.
                if (!nom.contains(usage)) {
                    addName(usage, entry);
                }
            }
        }

        private void addName(String normalizedName, RegisterEntry entry) {
            byNameAndDate.merge(key(normalizedName, entry.dateNaissance()), entry, Builder::append);
        }

        private static Object append(Object existing, Object added) {
            if (existing instanceof RegisterEntry first) {
                return new RegisterEntry[] {first, (RegisterEntry) added};
            }
            RegisterEntry[] homonyms = (RegisterEntry[]) existing;
            RegisterEntry[] grown = Arrays.copyOf(homonyms, homonyms.length + 1);
            grown[homonyms.length] = (RegisterEntry) added;
            return grown;
        }

        RegisterIndex build() {
            return new RegisterIndex(byNameAndDate, byNumero, withEmail);
        }
    }
}
