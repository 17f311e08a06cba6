package fr.ordre.comptexpert.card;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a professional card, the payload of its JWS. Short French names keep the card small and say
 * what the Tableau says; no birth date, email nor identifiant, ever.
 *
 * @param issuer  the realm's issuer URL (its JWKS is {@code issuer + /protocol/openid-connect/certs})
 * @param subject the Keycloak user id: a random UUID, not personal data, and what binds the card to one account
 * @param id      jti, 128 bits from SecureRandom, base64url; also the short reference the QR code carries
 * @param numero  numéro d'inscription; null for a permanent of the Ordre (not on the Tableau)
 * @param conseil conseil régional; null for a permanent
 * @param statut  {@value #INSCRIT} or {@value #PERMANENT}
 */
record ProfessionalCard(
        String issuer,
        String subject,
        String id,
        long issuedAt,
        long expiresAt,
        String nom,
        String prenom,
        String profil,
        String numero,
        String conseil,
        String statut) {

    static final String TYPE = "ordre-card+jwt";
    static final String INSCRIT = "inscrit";
    static final String PERMANENT = "permanent";

    /** The audience and payload type of every card: what a resource server checking {@code aud} or {@code typ} refuses. */
    static final String AUDIENCE = "ordre-card";

    static final String PAYLOAD_TYPE = "ordre-card";

    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        // Not an access token: no client is called "ordre-card", and Keycloak's own bearer check wants typ Bearer.
        claims.put("aud", AUDIENCE);
        claims.put("typ", PAYLOAD_TYPE);
        claims.put("jti", id);
        claims.put("iat", issuedAt);
        claims.put("exp", expiresAt);
        claims.put("nom", nom);
        claims.put("prenom", prenom);
        claims.put("profil", profil);
        if (numero != null) {
            claims.put("numero", numero);
        }
        if (conseil != null) {
            claims.put("conseil", conseil);
        }
        claims.put("statut", statut);
        return claims;
    }

    /** The card from verified claims; null if a required claim is missing or of the wrong type. */
    static ProfessionalCard from(Map<?, ?> claims) {
        String iss = text(claims, "iss");
        String sub = text(claims, "sub");
        String jti = text(claims, "jti");
        Long iat = number(claims, "iat");
        Long exp = number(claims, "exp");
        String nom = text(claims, "nom");
        String prenom = text(claims, "prenom");
        String profil = text(claims, "profil");
        String statut = text(claims, "statut");
        if (iss == null
                || sub == null
                || jti == null
                || iat == null
                || exp == null
                || nom == null
                || prenom == null
                || profil == null
                || !(INSCRIT.equals(statut) || PERMANENT.equals(statut))) {
            return null;
        }
        String numero = text(claims, "numero");
        if (INSCRIT.equals(statut) && numero == null) {
            return null;
        }
        return new ProfessionalCard(
                iss, sub, jti, iat, exp, nom, prenom, profil, numero, text(claims, "conseil"), statut);
    }

    boolean permanent() {
        return PERMANENT.equals(statut);
    }

    private static String text(Map<?, ?> claims, String name) {
        return claims.get(name) instanceof String s ? s : null;
    }

    private static Long number(Map<?, ?> claims, String name) {
        return claims.get(name) instanceof Number n ? n.longValue() : null;
    }
}
