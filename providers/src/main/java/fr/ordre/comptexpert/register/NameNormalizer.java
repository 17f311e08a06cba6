package fr.ordre.comptexpert.register;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a French name to the form used to match people against the Tableau, so that
 * "d'Artagnan" finds "DARTAGNAN" and "Lefèvre-Dupont" finds "lefevre dupont": lowercase,
 * no accents, œ/æ spelt out, no spaces, hyphens, apostrophes or dots.
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    /** The matching form of a name; null-safe ("" for null). */
    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isMark(c) || isIgnored(c)) {
                continue;
            }
            // NFD leaves ligatures alone: registers and keyboards disagree on "Œ" vs "OE".
            if (c == 'œ') {
                sb.append("oe");
            } else if (c == 'æ') {
                sb.append("ae");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isIgnored(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        switch (c) {
            // hyphens and dashes people type for compound names
            case '-', '\u2010', '\u2011', '\u2013', '\u2014':
            // apostrophes, straight, typographic, modifier letter, grave and acute used as one
            case '\'', '\u2019', '\u2018', '\u02BC', '`', '\u00B4':
            case '.':
                return true;
            default:
                return false;
        }
    }
}
