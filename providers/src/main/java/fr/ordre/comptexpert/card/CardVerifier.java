package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * The live check of a card, for the page and the JSON alike: the signature by a key of the realm, the expiry,
 * then the account and the Tableau as they are now. A member struck off after the card was issued fails at
 * once, whatever the card says.
 */
final class CardVerifier {

    /** What a verifier is told. */
    enum Status {
        /** Signed by the realm, not expired, holder still registered. */
        VALID,
        /** Authentic but past its expiry: the holder must refresh it in the app. */
        EXPIRED,
        /** Not a card of this realm: bad signature, altered content, unknown reference, not a card at all. */
        INVALID,
        /** Authentic, but the account or its Tableau entry no longer backs it (struck off, suspended, disabled, changed). */
        NOT_REGISTERED
    }

    /** The verdict; {@code card} is set once the signature is verified, {@code reason} says why for the events. */
    record Verdict(Status status, ProfessionalCard card, OrdreProfile profile, UserModel user, String reason) {}

    /** The largest input accepted: a card is about 1 KB with RS256, 2 KB with RS512/PS512 and 4096-bit keys. */
    static final int MAX_INPUT = 4096;
    /** Issue times this far in the future (clock differences between nodes) are tolerated. */
    private static final long IAT_SKEW_SECONDS = 60;

    private final KeycloakSession session;
    private final RealmModel realm;

    CardVerifier(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** {@code c} is the card (JWS) or its short reference (the jti, as in the QR code). */
    Verdict verify(String c) {
        String input = c == null ? "" : c.trim();
        String reference = null;
        if (CardReferences.isReference(input)) {
            reference = input;
            Optional<String> stored = new CardReferences(session).find(reference);
            if (stored.isEmpty()) {
                return invalid("unknown-reference");
            }
            input = stored.get();
        }
        if (input.isEmpty() || input.length() > MAX_INPUT) {
            return invalid("malformed");
        }
        ProfessionalCard card;
        try {
            JWSInput jws = new JWSInput(input);
            if (!ProfessionalCard.TYPE.equals(jws.getHeader().getType())) {
                return invalid("not-a-card");
            }
            if (!signatureVerified(jws)) {
                return invalid("bad-signature");
            }
            card = ProfessionalCard.from(jws.readJsonContent(Map.class));
        } catch (JWSInputException | RuntimeException e) {
            return invalid("malformed");
        }
        if (card == null || (reference != null && !reference.equals(card.id()))) {
            return invalid("malformed");
        }
        if (!Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName())
                .equals(card.issuer())) {
            return invalid("other-issuer");
        }
        long now = System.currentTimeMillis() / 1000;
        if (card.issuedAt() > now + IAT_SKEW_SECONDS) {
            return invalid("future-iat");
        }
        Optional<OrdreProfile> profile = ProfileCatalogue.of(session, realm).find(card.profil());
        if (now >= card.expiresAt()) {
            return new Verdict(Status.EXPIRED, card, profile.orElse(null), null, "expired");
        }
        UserModel user = session.users().getUserById(realm, card.subject());
        String refusal = stillBacked(card, profile, user);
        if (refusal != null) {
            return new Verdict(Status.NOT_REGISTERED, card, profile.orElse(null), user, refusal);
        }
        return new Verdict(Status.VALID, card, profile.get(), user, "valid");
    }

    /** Null if the account and the register back the card now; otherwise why not. */
    private String stillBacked(ProfessionalCard card, Optional<OrdreProfile> profile, UserModel user) {
        if (user == null) {
            return CardStanding.refusal(card, profile, false, false, null, null, Optional.empty());
        }
        String numero = user.getFirstAttribute(OrdreAttributes.NUMERO);
        TableauRegister register = session.getProvider(TableauRegister.class);
        Optional<RegisterEntry> entry = numero == null || numero.isBlank() || register == null || card.permanent()
                ? Optional.empty()
                : register.findByNumero(numero);
        return CardStanding.refusal(
                card, profile, true, user.isEnabled(), user.getFirstAttribute(OrdreAttributes.PROFILE), numero, entry);
    }

    /** The realm's key named by kid, for the header's algorithm; asymmetric only, so anyone can check with the JWKS. */
    private boolean signatureVerified(JWSInput jws) {
        String algorithm = jws.getHeader().getRawAlgorithm();
        String kid = jws.getHeader().getKeyId();
        if (algorithm == null || kid == null) {
            return false;
        }
        SignatureProvider provider = session.getProvider(SignatureProvider.class, algorithm);
        if (provider == null || !provider.isAsymmetricAlgorithm()) {
            return false;
        }
        try {
            SignatureVerifierContext verifier = provider.verifier(kid);
            return verifier.verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), jws.getSignature());
        } catch (VerificationException | RuntimeException e) {
            return false;
        }
    }

    private static Verdict invalid(String reason) {
        return new Verdict(Status.INVALID, null, null, null, reason);
    }
}
