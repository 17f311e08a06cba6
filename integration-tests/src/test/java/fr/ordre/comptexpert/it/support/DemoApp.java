package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for one of the Ordre's services on a loopback port (client "comptexpert-demo"):
 * "/" starts a sign-in, "/callback" receives the code. Sign-ins it started itself are completed and
 * their claims shown; others (started by tests, which exchange the code themselves) are only acknowledged.
 */
public final class DemoApp implements AutoCloseable {

    public static final String CLIENT_ID = "comptexpert-demo";

    private final HttpServer server;
    private final OidcClient oidc;
    private final Map<String, OidcClient.Authorization> started = new ConcurrentHashMap<>();

    public DemoApp(String realmUrl, int port) {
        this.oidc = new OidcClient(realmUrl, CLIENT_ID);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callback", this::callback);
        server.createContext("/", this::start);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String redirectUri() {
        return url() + "/callback";
    }

    private void start(HttpExchange exchange) throws IOException {
        OidcClient.Authorization authorization = oidc.authorize(redirectUri());
        started.put(authorization.state(), authorization);
        exchange.getResponseHeaders().add("Location", authorization.url());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = OidcClient.query("http://x" + exchange.getRequestURI());
        OidcClient.Authorization mine = started.remove(query.getOrDefault("state", ""));
        String body;
        if (mine != null && query.containsKey("code")) {
            JsonNode tokens = oidc.exchange(mine, "http://x" + exchange.getRequestURI());
            body = "<h1>Connecté</h1><pre>"
                    + escape(OidcClient.claims(tokens.get("id_token").asText()).toPrettyString())
                    + "</pre><p><a href=\"/\">Recommencer</a></p>";
        } else {
            body = "<h1 id=\"callback\">Callback</h1><p>" + escape(String.valueOf(query.keySet())) + "</p>";
        }
        byte[] bytes =
                ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Service de démonstration</title>"
                                + "</head><body>" + body + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
