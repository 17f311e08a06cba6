package fr.ordre.comptexpert.tableau;

import java.text.Normalizer;
import java.util.Collections;
import java.util.Set;

/**
 * Folds a name to the form used to match people against the Tableau, as people type it on a plain
 * keyboard: "d'Artagnan" finds "DARTAGNAN", "Lefèvre-Dupont" finds "lefevre dupont", "Łukasiewicz"
 * finds "Lukasiewicz", "Þórsdóttir" finds "Thorsdottir". Lower case, NFKD without marks, every Latin
 * letter Unicode does not decompose spelt out from an explicit table ({@code plainSpelling}), no
 * spaces, hyphens, apostrophes or dots.
 *
 * <p>Some letters have a second usual spelling: German ä ö ü typed "ae" "oe" "ue", Scandinavian å and ø
 * typed "aa" and "oe", South Slavic đ typed "dj". {@link #variants(String)} gives both keys, so that
 * "Müller" is found as "Muller" and as "Mueller", and a register that spells "Mueller" is found by "Müller".
 */
public final class NameNormalizer {

    private static final int COMBINING_DIAERESIS = 0x0308;
    private static final int COMBINING_RING_ABOVE = 0x030A;

    private NameNormalizer() {}

    /** The matching form of a name, with the plain spelling of every letter; null-safe ("" for null). */
    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return fold(decompose(s), false);
    }

    /**
     * Every matching form of a name: {@link #normalize(String)}, and the spelling with ä ö ü å ø đ spelt
     * out ("ae" "oe" "ue" "aa" "oe" "dj") when the name has one of them. Empty for a name that
     * normalises to "". Most names have one key: the second is computed only when it can differ.
     */
    public static Set<String> variants(String s) {
        if (s == null || s.isEmpty()) {
            return Set.of();
        }
        String decomposed = decompose(s);
        String plain = fold(decomposed, false);
        if (plain.isEmpty()) {
            return Set.of();
        }
        if (!hasSpelledOutForm(decomposed)) {
            return Set.of(plain);
        }
        String spelledOut = fold(decomposed, true);
        return spelledOut.equals(plain) ? Set.of(plain) : Set.of(plain, spelledOut);
    }

    /** true if the two names share a matching form (see {@link #variants(String)}); false if either is blank. */
    public static boolean sameName(String typed, String registered) {
        Set<String> wanted = variants(typed);
        return !wanted.isEmpty() && !Collections.disjoint(wanted, variants(registered));
    }

    private static String decompose(String s) {
        // NFKD rather than NFD: ligatures (ﬁ, ĳ, ǆ), long s, fullwidth and superscript letters become plain ones.
        return Normalizer.normalize(s, Normalizer.Form.NFKD);
    }

    private static boolean hasSpelledOutForm(String decomposed) {
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == COMBINING_DIAERESIS || c == COMBINING_RING_ABOVE || spelledOut(c) != null) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String decomposed, boolean spellOut) {
        StringBuilder sb = new StringBuilder(decomposed.length() + 4);
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) || isIgnored(cp)) {
                continue;
            }
            String folded = spellOut && spelledOut(cp) != null ? spelledOut(cp) : plainSpelling(cp);
            if (folded != null) {
                sb.append(folded);
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
            if (spellOut && isVowelWithSpelledOutMark(cp)) {
                appendSpelledOutMark(cp, decomposed, i, sb);
            }
        }
        return sb.toString();
    }

    /** The second usual spelling of a letter NFKD leaves whole, or null. */
    private static String spelledOut(int cp) {
        switch (cp) {
            case 'Ø', 'ø':
                return "oe";
            case 'Đ', 'đ':
                return "dj";
            default:
                return null;
        }
    }

    private static boolean isVowelWithSpelledOutMark(int cp) {
        return cp == 'a' || cp == 'o' || cp == 'u' || cp == 'A' || cp == 'O' || cp == 'U';
    }

    /** ä ö ü → +e, å → +a: looks at the marks that follow the base letter in the decomposed form. */
    private static void appendSpelledOutMark(int base, String decomposed, int from, StringBuilder sb) {
        for (int j = from; j < decomposed.length(); ) {
            int mark = decomposed.codePointAt(j);
            if (!isMark(mark)) {
                return;
            }
            if (mark == COMBINING_DIAERESIS) {
                sb.append('e');
                return;
            }
            if (mark == COMBINING_RING_ABOVE && (base == 'a' || base == 'A')) {
                sb.append('a');
                return;
            }
            j += Character.charCount(mark);
        }
    }

    /**
     * The plain spelling of a Latin letter that NFKD leaves whole (no base letter plus marks), upper
     * and lower case alike, or null. Covers every such letter of Latin-1 Supplement and Latin
     * Extended-A and B, and the IPA-block lower case of their capitals (ɓ ɗ ɛ ɔ …, used in African
     * names). Letters with no sound of their own (clicks, glottal stops) are dropped, as the
     * apostrophes that often stand for them.
     */
    private static String plainSpelling(int cp) {
        switch (cp) {
                // Latin-1 Supplement
            case 'Æ', 'æ':
                return "ae";
            case 'Ð', 'ð':
                return "d";
            case 'Ø', 'ø':
                return "o";
            case 'Þ', 'þ':
                return "th";
            case 'ß', 'ẞ':
                return "ss";
                // Latin Extended-A
            case 'Đ', 'đ':
                return "d";
            case 'Ħ', 'ħ':
                return "h";
            case 'ı':
                return "i";
            case 'ĸ':
                return "k";
            case 'Ł', 'ł':
                return "l";
            case 'Ŋ', 'ŋ':
                return "n";
            case 'Œ', 'œ':
                return "oe";
            case 'Ŧ', 'ŧ':
                return "t";
                // Latin Extended-B and the IPA lower case of its capitals
            case 'ƀ', 'Ƀ', 'Ɓ', 'ɓ', 'Ƃ', 'ƃ':
                return "b";
            case 'Ƈ', 'ƈ', 'Ȼ', 'ȼ':
                return "c";
            case 'Ɖ', 'ɖ', 'Ɗ', 'ɗ', 'Ƌ', 'ƌ', 'ƍ', 'ȡ':
                return "d";
            case 'Ǝ', 'ǝ', 'Ə', 'ə', 'Ɛ', 'ɛ', 'Ɇ', 'ɇ':
                return "e";
            case 'Ƒ', 'ƒ':
                return "f";
            case 'Ɠ', 'ɠ', 'Ɣ', 'ɣ', 'Ǥ', 'ǥ':
                return "g";
            case 'Ȝ', 'ȝ':
                return "gh";
            case 'Ƅ', 'ƅ':
                return "h"; // Zhuang tone six, written h since 1982
            case 'Ƕ', 'ƕ':
                return "hv";
            case 'Ɩ', 'ɩ', 'Ɨ', 'ɨ':
                return "i";
            case 'ȷ', 'Ɉ', 'ɉ':
                return "j";
            case 'Ƙ', 'ƙ':
                return "k";
            case 'ƚ', 'Ƚ', 'ƛ', 'ȴ':
                return "l";
            case 'Ɯ', 'ɯ':
                return "m";
            case 'Ɲ', 'ɲ', 'ƞ', 'Ƞ', 'ȵ':
                return "n";
            case 'Ɔ', 'ɔ', 'Ɵ', 'ɵ':
                return "o";
            case 'Ƣ', 'ƣ':
                return "oi";
            case 'Ȣ', 'ȣ':
                return "ou";
            case 'Ƥ', 'ƥ':
                return "p";
            case 'Ɋ', 'ɋ':
                return "q";
            case 'Ƽ', 'ƽ':
                return "q"; // Zhuang tone five, written q
            case 'Ʀ', 'ʀ', 'Ɍ', 'ɍ':
                return "r";
            case 'ȿ', 'Ȿ':
                return "s";
            case 'Ʃ', 'ʃ', 'ƪ':
                return "sh";
            case 'ƫ', 'Ƭ', 'ƭ', 'Ʈ', 'ʈ', 'ȶ', 'Ⱦ', 'ⱦ':
                return "t";
            case 'Ʊ', 'ʊ', 'Ʉ', 'ʉ':
                return "u";
            case 'Ʋ', 'ʋ', 'Ʌ', 'ʌ':
                return "v";
            case 'Ƿ', 'ƿ':
                return "w";
            case 'Ƴ', 'ƴ', 'Ɏ', 'ɏ':
                return "y";
            case 'Ƨ', 'ƨ':
                return "z"; // Zhuang tone two, written z
            case 'Ƶ', 'ƶ', 'Ʒ', 'ʒ', 'Ƹ', 'ƹ', 'ƺ', 'Ȥ', 'ȥ', 'ɀ', 'Ɀ':
                return "z";
            case 'ȸ':
                return "db";
            case 'ȹ':
                return "qp";
            case 'Ⱥ', 'ⱥ':
                return "a";
            case 'ƻ', 'ƾ', 'ǀ', 'ǁ', 'ǂ', 'ǃ', 'Ɂ', 'ɂ':
                return "";
            default:
                return null;
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isIgnored(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        switch (cp) {
                // hyphens and dashes people type for compound names
            case '-', '\u2010', '\u2011', '\u2013', '\u2014':
                // apostrophes, straight, typographic, modifier letter, grave and acute used as one
            case '\'', '\u2019', '\u2018', '\u02BC', '`', '\u00B4':
                // dots, and the Catalan middle dot (l·l; NFKD splits ŀ into l and it)
            case '.', '\u00B7':
                return true;
            default:
                return false;
        }
    }
}
