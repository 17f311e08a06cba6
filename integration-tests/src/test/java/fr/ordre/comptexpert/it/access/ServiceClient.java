package fr.ordre.comptexpert.it.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.UrlForm;

/**
 * One of the Ordre's services as a confidential relying party ({@link OidcClient}): its secret read through the
 * Admin API (Keycloak generated it at import), on a loopback redirect URI.
 */
public final class ServiceClient {

    /** Loopback, any port (RFC 8252): nothing needs to listen, the code is read from the redirect. */
    public static final String REDIRECT_URI = "http://127.0.0.1:49152/callback";

    private ServiceClient() {}

    public static OidcClient of(AdminApi admin, String realmUrl, String clientId) {
        JsonNode clients = admin.get("/admin/realms/ordre/clients?clientId=" + UrlForm.encode(clientId));
        if (clients.isEmpty()) {
            throw new AssertionError("No client " + clientId + " in realm ordre");
        }
        String id = clients.get(0).get("id").asText();
        String secret = admin.get("/admin/realms/ordre/clients/" + id + "/client-secret")
                .get("value")
                .asText();
        return new OidcClient(realmUrl, clientId, secret);
    }
}
