package fr.ordre.comptexpert.account;

import java.util.List;

/**
 * One row of the profile page: a profile, the services it opens (the access matrix in words) and how the
 * member may move to it. A plain bean so FreeMarker reads it with getters.
 */
public final class ProfileChoice {

    /** How the member may move to this profile. */
    public enum Move {
        CURRENT,
        IMMEDIATE,
        TABLEAU_CLAIM,
        TABLEAU_CHECK,
        NOT_SELF_SERVICE
    }

    private final String id;
    private final String label;
    private final List<String> services;
    private final Move move;
    private final boolean detailsRequired;

    ProfileChoice(String id, String label, List<String> services, Move move, boolean detailsRequired) {
        this.id = id;
        this.label = label;
        this.services = services;
        this.move = move;
        this.detailsRequired = detailsRequired;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<String> getServices() {
        return services;
    }

    public String getMove() {
        return move.name();
    }

    public boolean isDetailsRequired() {
        return detailsRequired;
    }
}
