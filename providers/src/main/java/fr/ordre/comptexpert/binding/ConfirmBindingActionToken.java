package fr.ordre.comptexpert.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link sent to the address the Tableau has on file for a member, asking them to confirm that a new
 * account may hold their entry. Signed by the realm, bound to the account and the entry's numéro, single-use.
 */
public final class ConfirmBindingActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "ordre-confirm-tableau-binding";

    @JsonProperty("ordre_numero")
    private String numero;

    public ConfirmBindingActionToken(String userId, String numero, int absoluteExpirationInSecs, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        this.issuedFor = clientId;
        this.numero = numero;
    }

    @SuppressWarnings("unused") // for JSON deserialisation
    private ConfirmBindingActionToken() {}

    public String getNumero() {
        return numero;
    }
}
