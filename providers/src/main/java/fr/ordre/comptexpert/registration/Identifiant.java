package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.tableau.NameNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The identifiant the person chooses: shown rules, checked here, unique in the realm, never changed later
 * (the realm forbids editing usernames). The rule is the realm's user profile's too (validators {@code length} and
 * {@code pattern} of {@code username}, which the account is created through): {@code IdentifiantTest} keeps the two
 * the same, so that the page's hint, this check and what an administrator meets agree.
 */
final class Identifiant {

    static final int MIN = 4;
    static final int MAX = 30;
    /** Lower-case letters, digits and . _ - ; starts with a letter; no two separators in a row. */
    static final String PATTERN = "^[a-z](?:[a-z0-9]|[._-](?=[a-z0-9]))*$";

    private static final Pattern RULE = Pattern.compile(PATTERN);

    private Identifiant() {}

    /** @return the message key of the broken rule, or null if the identifiant is well-formed */
    static String check(String identifiant) {
        if (identifiant == null || identifiant.isEmpty()) {
            return "ordreRegFieldRequired";
        }
        if (identifiant.length() < MIN
                || identifiant.length() > MAX
                || !RULE.matcher(identifiant).matches()) {
            return "ordreRegIdentifiantRules";
        }
        return null;
    }

    /** Up to three free identifiants built from the person's names; never from the birth date (ANSSI, CNIL). */
    static List<String> suggestions(String prenom, String nom, Predicate<String> taken) {
        String first = slug(prenom);
        String last = slug(nom);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(first + "." + last);
        candidates.add(first.isEmpty() ? last : first.charAt(0) + "." + last);
        for (int i = 2; i < 100; i++) {
            candidates.add(first + "." + last + i);
        }
        List<String> free = new ArrayList<>();
        for (String candidate : candidates) {
            String trimmed = candidate.length() > MAX ? candidate.substring(0, MAX) : candidate;
            if (check(trimmed) == null && !taken.test(trimmed) && !free.contains(trimmed)) {
                free.add(trimmed);
                if (free.size() == 3) {
                    break;
                }
            }
        }
        return free;
    }

    /** "Lefèvre-Dupont" becomes "lefevre-dupont": accents dropped, separators kept as hyphens. */
    static String slug(String name) {
        if (name == null) {
            return "";
        }
        String[] words = name.trim().split("[\\s'’-]+");
        List<String> parts = new ArrayList<>();
        for (String word : words) {
            String n = NameNormalizer.normalize(word).replaceAll("[^a-z0-9]", "");
            if (!n.isEmpty()) {
                parts.add(n);
            }
        }
        return String.join("-", parts);
    }
}
