package fr.ordre.comptexpert.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The local run command behind {@code ./run.sh}: Keycloak on http://localhost:8080 with our JARs, the realm
 * and the demo data, a mailbox anyone can read (web page + links in the terminal), and a demo service.
 * It talks to a person at a terminal, hence plain console output. Ctrl-C stops everything it started.
 */
public final class DevServer {

    private static final PrintStream OUT = System.out;

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Keycloak (comptexpert.port)", Integer.getInteger("comptexpert.port", 8080));
        ports.put(
                "Keycloak management (comptexpert.management-port)",
                Integer.getInteger("comptexpert.management-port", 9000));
        ports.put("SMTP (comptexpert.smtp-port)", Integer.getInteger("comptexpert.smtp-port", 2525));
        ports.put("mailbox web page (comptexpert.mail-port)", Integer.getInteger("comptexpert.mail-port", 8025));
        ports.put("demo service (comptexpert.demo-port)", Integer.getInteger("comptexpert.demo-port", 8081));
        boolean clash = false;
        for (var port : ports.entrySet()) {
            if (!FreePorts.isFree(port.getValue())) {
                OUT.printf(
                        "Port %d is already in use, and the %s needs it.%n"
                                + "  Stop what uses it (e.g. an earlier ./run.sh), or pick another: ./run.sh -D%s=<port>%n",
                        port.getValue(),
                        port.getKey().replaceAll(" \\(.*", ""),
                        port.getKey().replaceAll(".*\\((.*)\\)", "$1"));
                clash = true;
            }
        }
        if (clash) {
            System.exit(2);
        }
        List<Integer> p = List.copyOf(ports.values());

        step("1/4", "Mail server: SMTP on 127.0.0.1:" + p.get(2) + ", mailbox on http://localhost:" + p.get(3) + "/");
        MailServer mail = new MailServer(p.get(2));
        startMailbox(mail, p.get(3));

        step(
                "2/4",
                "Keycloak " + settings.keycloakVersion() + " from " + settings.keycloakHome()
                        + " (about a minute the first time; log: "
                        + settings.target().resolve("keycloak.log") + ")");
        KeycloakInstall.ensure(settings, settings.keycloakHome());
        var launch = new DistributionServer.Launch(
                p.get(0), p.get(1), false, TestEnvironment.smtpEnv("127.0.0.1", p.get(2)), List.of());
        DistributionServer keycloak =
                DistributionServer.start(settings, launch, settings.target().resolve("keycloak.log"), dot -> {
                    OUT.print(dot);
                    OUT.flush();
                });
        OUT.printf("%n      ready in %.0f s%n", keycloak.startSeconds());

        step("3/4", "Demo data (kept from earlier runs where it exists)");
        TestEnvironment.importDemoData(new AdminApi(keycloak.baseUrl()), settings);

        step("4/4", "Demo service on http://127.0.0.1:" + p.get(4) + "/");
        DemoApp demo = new DemoApp(keycloak.realmUrl(), p.get(4));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            demo.close();
                            mail.close();
                        },
                        "dev-stop"));

        OUT.println();
        OUT.println("Comptexpert is running. Open:");
        OUT.println("  Login page (realm ordre)   " + keycloak.realmUrl() + "/account");
        OUT.println("  Sign in to a demo service  " + demo.url() + "/");
        OUT.println("  Admin console              " + keycloak.baseUrl() + "/admin   (admin / admin)");
        OUT.println("  Mailbox (every email sent) http://localhost:" + p.get(3) + "/");
        OUT.println("  Demo account               marie.lefevre / Comptexpert-Demo-2026!");
        OUT.println("Press Ctrl-C to stop everything.");
        watchMail(mail);
        keycloak.awaitExit();
    }

    private static void step(String step, String what) {
        OUT.println("[" + step + "] " + what);
    }

    /** New emails are announced in the terminal with their links, so nobody has to dig for them. */
    private static void watchMail(MailServer mail) {
        var watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-watch");
            t.setDaemon(true);
            return t;
        });
        int[] seen = {mail.all().size()};
        watcher.scheduleWithFixedDelay(
                () -> {
                    List<MailServer.Mail> all = mail.all();
                    for (int i = seen[0]; i < all.size(); i++) {
                        MailServer.Mail m = all.get(i);
                        OUT.println("\n✉  Mail to " + m.to() + ": " + m.subject());
                        m.links().forEach(link -> OUT.println("   " + link));
                    }
                    seen[0] = all.size();
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    private static void startMailbox(MailServer mail, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width\"><title>Boîte aux lettres de démonstration</title>"
                    + "<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
                    + "article{border:1px solid #ccc;margin:1rem 0;padding:1rem}iframe{width:100%;height:28rem;border:0}</style>"
                    + "</head><body><h1>Boîte aux lettres de démonstration</h1><p>Les emails envoyés par Keycloak, "
                    + "du plus récent au plus ancien. Rechargez la page pour voir les nouveaux.</p>");
            List<MailServer.Mail> all = mail.all();
            for (int i = all.size() - 1; i >= 0; i--) {
                MailServer.Mail m = all.get(i);
                html.append("<article><h2>")
                        .append(escape(m.subject()))
                        .append("</h2><p>À : ")
                        .append(escape(m.to()))
                        .append("</p><ul>");
                m.links().forEach(l -> html.append("<li><a href=\"")
                        .append(escape(l))
                        .append("\">")
                        .append(escape(l))
                        .append("</a></li>"));
                html.append("</ul>");
                if (!m.html().isEmpty()) {
                    html.append("<iframe sandbox=\"allow-popups allow-top-navigation-by-user-activation\" srcdoc=\"")
                            .append(escape(m.html()))
                            .append("\"></iframe>");
                } else {
                    html.append("<pre>").append(escape(m.text())).append("</pre>");
                }
                html.append("</article>");
            }
            byte[] bytes = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mailbox");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
