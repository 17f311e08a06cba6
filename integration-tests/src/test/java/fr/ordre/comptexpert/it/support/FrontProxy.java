package fr.ordre.comptexpert.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer in front of the two-node cluster, as small as it can be: one public address (the
 * {@code hostname} of both nodes, so cookies and the issuer never change), forwarding each request to the
 * node it is pinned to, with the {@code X-Forwarded-*} headers a real proxy adds.
 * <p>
 * Failover as nginx does it by default: a node that refuses the connection is skipped and the request goes
 * to the other one; a request that fails once sent is retried elsewhere only if it is a GET or HEAD, other
 * requests get a 502 (the page's script asks again, and then reaches the live node). Like nginx, it sends with
 * TCP_NODELAY ({@code sun.net.httpserver.nodelay}).
 */
public final class FrontProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-connection",
            "proxy-authorization",
            "http2-settings");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "front-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private volatile List<String> upstreams = List.of();
    private final AtomicInteger pinned = new AtomicInteger();
    private final AtomicLong failovers = new AtomicLong();
    private final AtomicLong badGateways = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicLongArray served =
            new java.util.concurrent.atomic.AtomicLongArray(8);

    public FrontProxy(int port) {
        // Read once by the JDK when its first HTTP server starts: set by the failsafe configuration (pom.xml). Without
        // it every response with a body waits ~40 ms for a delayed ACK, which real proxies (nginx: tcp_nodelay) do not.
        if (!Boolean.getBoolean("sun.net.httpserver.nodelay")) {
            throw new IllegalStateException(
                    "run with -Dsun.net.httpserver.nodelay=true, as integration-tests/pom.xml does");
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The nodes' direct URLs (http://127.0.0.1:port), in node order. */
    public void upstreams(List<String> directUrls) {
        this.upstreams = List.copyOf(directUrls);
    }

    /** Sends the next requests to node {@code index} (0-based) first. */
    public void pin(int index) {
        pinned.set(index);
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public long failovers() {
        return failovers.get();
    }

    /** How many requests node {@code index} answered through this proxy. */
    public long served(int index) {
        return served.get(index);
    }

    public long badGateways() {
        return badGateways.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean idempotent = method.equals("GET") || method.equals("HEAD");
            List<String> nodes = upstreams;
            int first = pinned.get();
            HttpResponse<byte[]> response = null;
            for (int attempt = 0; attempt < nodes.size() && response == null; attempt++) {
                int index = (first + attempt) % nodes.size();
                String node = nodes.get(index);
                try {
                    response =
                            http.send(request(exchange, node, method, body), HttpResponse.BodyHandlers.ofByteArray());
                    served.incrementAndGet(index);
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    failovers.incrementAndGet();
                } catch (IOException e) {
                    if (!idempotent) {
                        break;
                    }
                    failovers.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (response == null) {
                badGateways.incrementAndGet();
                byte[] text = "Bad gateway".getBytes();
                exchange.sendResponseHeaders(502, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = response.body();
            boolean noBody = out.length == 0
                    || method.equals("HEAD")
                    || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : out.length);
            if (!noBody) {
                exchange.getResponseBody().write(out);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private HttpRequest request(HttpExchange exchange, String node, String method, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(node + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                    && !name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        String host = exchange.getRequestHeaders().getFirst("Host");
        builder.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        builder.header("X-Forwarded-Proto", "http");
        if (host != null) {
            builder.header("X-Forwarded-Host", host);
        }
        builder.header("X-Forwarded-Port", Integer.toString(server.getAddress().getPort()));
        return builder.build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
