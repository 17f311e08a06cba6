package fr.ordre.comptexpert.password;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The emailed link that lets a person create (after registration) or renew (after "identifiant ou mot de
 * passe oublié") their password. Signed by the realm, bound to the user and their email, single-use
 * (consumed when the password is actually set), and tied to the browser's authentication session when
 * there is one, so that the person lands back in the service they came from.
 */
public final class SetPasswordActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "ordre-set-password";

    /** Why the link was sent: registration or recovery; shown in events. */
    @JsonProperty("ordre_reason")
    private String reason;

    public SetPasswordActionToken(
            String userId,
            String email,
            int absoluteExpirationInSecs,
            String compoundAuthenticationSessionId,
            String clientId,
            String reason) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null, compoundAuthenticationSessionId);
        this.issuedFor = clientId;
        this.reason = reason;
        setEmail(email);
    }

    @SuppressWarnings("unused") // for JSON deserialisation
    private SetPasswordActionToken() {}

    public String getReason() {
        return reason;
    }
}
