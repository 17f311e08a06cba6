package fr.ordre.comptexpert.tableau;

import java.util.Locale;

/**
 * The lists of the Tableau a person can be on. The lowercase code is what files and other
 * systems exchange: it must never change once published.
 */
public enum RegisterList {
    EXPERT_COMPTABLE("expert-comptable"),
    STAGIAIRE("stagiaire"),
    MEMORIALISTE("memorialiste"),
    /** Loi PACTE annexed list: not a member of the Ordre. */
    EXPERT_COMPTABLE_ENTREPRISE("expert-comptable-entreprise"),
    /** Salaried staff of an AGC, article 83 ter of ordonnance 45-2138. */
    AGC_83_TER("agc-83-ter"),
    /** Salaried staff of an AGC, article 83 quater of ordonnance 45-2138. */
    AGC_83_QUATER("agc-83-quater"),
    HONORAIRE("honoraire"),
    MEMBRE_ECE("membre-ece");

    private final String code;

    RegisterList(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The list with that code (case and surrounding spaces ignored); IllegalArgumentException if unknown. */
    public static RegisterList fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (RegisterList list : values()) {
            if (list.code.equals(wanted)) {
                return list;
            }
        }
        throw new IllegalArgumentException("Unknown register list: " + code);
    }
}
