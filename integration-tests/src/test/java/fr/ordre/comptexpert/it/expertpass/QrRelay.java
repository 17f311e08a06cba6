package fr.ordre.comptexpert.it.expertpass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The attacker's server of the QR-relay attack: it shows the member a QR naming itself and passes every call on to
 * the real Keycloak (as a plain HTTP client, so Keycloak sees its own host), rewriting the answers of challenge reads
 * as it likes (an invented "Safari / iOS").
 */
final class QrRelay implements AutoCloseable {

    private final HttpServer server;
    private final String target;
    private final UnaryOperator<String> rewriteRead;
    private final AtomicInteger requests = new AtomicInteger();

    QrRelay(String targetBaseUrl, UnaryOperator<String> rewriteRead) {
        this.target = targetBaseUrl;
        this.rewriteRead = rewriteRead;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::relay);
        server.start();
    }

    /** The relay's own base URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL of the real server as the relay shows it. */
    String relayed(String realUrl) {
        return url() + realUrl.substring(target.length());
    }

    int requests() {
        return requests.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String url = target + exchange.getRequestURI();
        HttpResponse<String> answer = "POST".equals(exchange.getRequestMethod())
                ? HttpExpertpass.post(url, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : HttpExpertpass.get(url, Map.of());
        String body = "GET".equals(exchange.getRequestMethod()) ? rewriteRead.apply(answer.body()) : answer.body();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.statusCode(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
