package fr.ordre.comptexpert.tableau;

import java.util.Locale;

/** Where a person stands on the Tableau. Only {@link #INSCRIT} grants member access. */
public enum RegisterStatus {
    INSCRIT("inscrit"),
    SUSPENDU("suspendu"),
    RADIE("radie");

    private final String code;

    RegisterStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The status with that code (case and surrounding spaces ignored); IllegalArgumentException if unknown. */
    public static RegisterStatus fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (RegisterStatus status : values()) {
            if (status.code.equals(wanted)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown register status: " + code);
    }
}
