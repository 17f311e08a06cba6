package fr.ordre.comptexpert.profile;

/** Names of the user attributes Comptexpert keeps (declared in the realm's user profile). */
public final class OrdreAttributes {

    /** Id of the profile chosen at registration (a subgroup name of /profils). */
    public static final String PROFILE = "ordreProfile";
    /** Free text given with "Autre profil". */
    public static final String PROFILE_DETAIL = "ordreProfileDetail";
    /** ISO date; used to match the Tableau only: never shown to services nor put in tokens. */
    public static final String BIRTH_DATE = "birthDate";
    /** Numéro d'inscription of the register entry the account is tied to. */
    public static final String NUMERO = "ordreNumero";

    public static final String CONSEIL_REGIONAL = "ordreConseilRegional";
    /**
     * The Tableau binding of an account of a Tableau profile: {@code pending} until proved (no Tableau right),
     * {@code confirmed} once proved; {@link #NUMERO} is set only then. Admin-editable: an admin confirms here.
     */
    public static final String TABLEAU_BINDING = "ordreTableauBinding";
    /** The numéro of the entry a pending account matched at registration: unproved, admin-only, grants nothing. */
    public static final String TABLEAU_CLAIM = "ordreTableauClaim";

    public static final String LOCALE = "locale";

    private OrdreAttributes() {}
}
