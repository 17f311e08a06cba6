package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * Issues a professional card: checks the holder against the catalogue and the Tableau now, then signs the
 * claims with the realm's active key for its default signature algorithm, so the realm's published JWKS
 * verifies the card like any token of the realm.
 */
final class CardIssuer {

    /** Why no card is issued. */
    enum Refusal {
        INELIGIBLE,
        NOT_REGISTERED
    }

    /** A signed card, or the refusal. */
    record Issued(ProfessionalCard card, String jws, OrdreProfile profile, Refusal refusal) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    CardIssuer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Issued issue(UserModel user, CardConfig config) {
        Optional<OrdreProfile> profile = Optional.ofNullable(user.getFirstAttribute(OrdreAttributes.PROFILE))
                .flatMap(ProfileCatalogue.of(session, realm)::find);
        if (!user.isEnabled() || profile.isEmpty() || !profile.get().expertpass()) {
            return new Issued(null, null, profile.orElse(null), Refusal.INELIGIBLE);
        }
        long now = System.currentTimeMillis() / 1000;
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        ProfessionalCard card;
        if (profile.get().checkedAgainstTableau()) {
            Optional<RegisterEntry> entry = activeEntry(session, user, profile.get());
            if (entry.isEmpty()) {
                return new Issued(null, null, profile.get(), Refusal.NOT_REGISTERED);
            }
            RegisterEntry e = entry.get();
            card = new ProfessionalCard(
                    issuer,
                    user.getId(),
                    randomId(),
                    now,
                    now + config.lifespanSeconds(),
                    e.nomUsage() == null || e.nomUsage().isBlank() ? e.nom() : e.nomUsage(),
                    e.prenoms(),
                    profile.get().id(),
                    e.numero(),
                    e.conseilRegional(),
                    ProfessionalCard.INSCRIT);
        } else {
            // Permanents of the Ordre are staff, not on the Tableau: their card says so, named as in the account.
            card = new ProfessionalCard(
                    issuer,
                    user.getId(),
                    randomId(),
                    now,
                    now + config.lifespanSeconds(),
                    nonNull(user.getLastName()),
                    nonNull(user.getFirstName()),
                    profile.get().id(),
                    null,
                    null,
                    ProfessionalCard.PERMANENT);
        }
        return new Issued(card, sign(card), profile.get(), null);
    }

    /** The account's Tableau entry if it is active and on one of the profile's lists: read live from the register. */
    static Optional<RegisterEntry> activeEntry(KeycloakSession session, UserModel user, OrdreProfile profile) {
        String numero = user.getFirstAttribute(OrdreAttributes.NUMERO);
        if (numero == null || numero.isBlank()) {
            return Optional.empty();
        }
        TableauRegister register = session.getProvider(TableauRegister.class);
        if (register == null) {
            return Optional.empty();
        }
        return register.findByNumero(numero).filter(RegisterEntry::isActive).filter(e -> profile.tableauLists()
                .contains(e.liste()));
    }

    private String sign(ProfessionalCard card) {
        String algorithm = signatureAlgorithm(realm);
        SignatureSignerContext signer =
                session.getProvider(SignatureProvider.class, algorithm).signer();
        return new JWSBuilder()
                .type(ProfessionalCard.TYPE)
                .jsonContent(card.claims())
                .sign(signer);
    }

    static String signatureAlgorithm(RealmModel realm) {
        String algorithm = realm.getDefaultSignatureAlgorithm();
        return algorithm == null || algorithm.isBlank() ? Constants.DEFAULT_SIGNATURE_ALGORITHM : algorithm;
    }

    /** 128 bits: the jti, and the reference in the QR code. */
    static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
