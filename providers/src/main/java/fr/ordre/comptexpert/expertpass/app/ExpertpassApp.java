package fr.ordre.comptexpert.expertpass.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The Expertpass web app (a PWA), served from the realm's own origin at
 * {@code /realms/{realm}/comptexpert/app/}: the same origin as the app API, which is what lets the app refuse a QR
 * code naming any other host. Only the files listed here are served (no path from the request reaches the class
 * loader); its texts are the login theme's {@code ordreApp*} messages, so a realm's overrides apply to it too.
 */
public final class ExpertpassApp {

    /** Where the files are in the providers JAR; vendor/ is filled from npm at build time (providers/pom.xml). */
    static final String ROOT = "/expertpass-app/";

    static final String MESSAGE_PREFIX = "ordreApp";

    /**
     * Scripts, styles, pictures and calls from this origin only; no inline script or style, no frames, no forms
     * posted anywhere. {@code blob:} and {@code data:} pictures are the QR codes the app draws and the photos it reads.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** File name → media type: the whole app. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("app.js", "text/javascript; charset=utf-8"),
            Map.entry("protocol.js", "text/javascript; charset=utf-8"),
            Map.entry("scanner.js", "text/javascript; charset=utf-8"),
            Map.entry("app.css", "text/css; charset=utf-8"),
            Map.entry("sw.js", "text/javascript; charset=utf-8"),
            Map.entry("manifest.webmanifest", "application/manifest+json"),
            Map.entry("icon.svg", "image/svg+xml"),
            Map.entry("icon-192.png", "image/png"),
            Map.entry("icon-512.png", "image/png"),
            Map.entry("vendor/jsQR.js", "text/javascript; charset=utf-8"),
            Map.entry("vendor/qrcode.js", "text/javascript; charset=utf-8"));

    private static final Logger LOG = Logger.getLogger(ExpertpassApp.class);
    private static final String API_SUFFIX = "/expertpass/v1";

    /** The app's address beside an API base ({@code .../comptexpert/expertpass/v1} → {@code .../comptexpert/app/}). */
    public static String url(String apiBase) {
        String base =
                apiBase.endsWith(API_SUFFIX) ? apiBase.substring(0, apiBase.length() - API_SUFFIX.length()) : apiBase;
        return base + "/app/";
    }

    private final KeycloakSession session;

    public ExpertpassApp(KeycloakSession session) {
        this.session = session;
    }

    /** The app's page at {@code .../app/}; {@code .../app} is sent there: relative links and the worker's scope need the slash. */
    @GET
    public Response index() {
        String path = session.getContext().getUri().getRequestUri().getRawPath();
        if (!path.endsWith("/")) {
            return Response.status(308).location(URI.create(path + "/")).build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String name) {
        if (name.startsWith("messages-") && name.endsWith(".json")) {
            return messages(name.substring("messages-".length(), name.length() - ".json".length()));
        }
        String type = FILES.get(name);
        InputStream in = type == null ? null : ExpertpassApp.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            return secured(
                    Response.status(404).type("text/plain; charset=utf-8").entity("Not found"));
        }
        Response.ResponseBuilder response = Response.ok(in, type);
        // Revalidated on every online start, so a new version reaches phones at once; offline, the service worker
        // answers.
        response.header("Cache-Control", "no-cache");
        return secured(response);
    }

    /** The app's texts in French (default) or English, from the login theme with the realm's overrides. */
    private Response messages(String language) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
        Map<String, String> texts = new TreeMap<>();
        try {
            RealmModel realm = session.getContext().getRealm();
            Properties all = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            for (String key : all.stringPropertyNames()) {
                if (key.startsWith(MESSAGE_PREFIX)) {
                    texts.put(key, unquote(all.getProperty(key)));
                }
            }
        } catch (IOException e) {
            // The app falls back on the texts it already holds (cached), or on the keys themselves.
            LOG.warnf(e, "Expertpass app: login theme messages unreadable for %s", locale);
            return secured(Response.status(503).type("application/json").entity("{}"));
        }
        return secured(Response.ok(texts, "application/json; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("Content-Language", locale.toLanguageTag()));
    }

    /** MessageFormat's doubled apostrophe, as the login pages show it; {0}-style places are filled by the app. */
    static String unquote(String pattern) {
        return pattern.replace("''", "'");
    }

    /** Our headers instead of the realm's page headers (which would replace this CSP with a looser one). */
    private Response secured(Response.ResponseBuilder response) {
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
                .build();
    }
}
