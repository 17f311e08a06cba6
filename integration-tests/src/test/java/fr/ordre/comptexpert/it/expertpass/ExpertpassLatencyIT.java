package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark (docs/performance.md, "Expertpass"): from the moment the app has the server's answer to its
 * approval, how long until the browser's redirect reaches the service. A loopback "service" timestamps
 * the arrival of each redirect. Off by default: -Dexpertpass.bench.signins=200.
 */
@ExtendWith(TestEnvironment.class)
@EnabledIfSystemProperty(named = "expertpass.bench.signins", matches = "\\d+")
class ExpertpassLatencyIT {

    private static final int WARMUP = 10;

    @Test
    void approvalToRedirectLatency(TestEnvironment.Env env) throws Exception {
        int signIns = Integer.parseInt(System.getProperty("expertpass.bench.signins"));
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Bench phone");

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/cb", exchange -> {
            long now = System.nanoTime();
            String state =
                    OidcClient.query("http://x" + exchange.getRequestURI()).getOrDefault("state", "");
            arrivals.put(state, now);
            byte[] body = "<!doctype html><title>ok</title><p id=ok>ok</p>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        String redirectUri = "http://127.0.0.1:" + service.getAddress().getPort() + "/cb";
        OidcClient client = env.demoClient();
        List<Double> millis = new ArrayList<>();
        WebDriver browser = Browser.open("fr");
        try {
            for (int i = 0; i < signIns + WARMUP; i++) {
                OidcClient.Authorization authorization = client.authorize(redirectUri);
                browser.get(authorization.url() + "&prompt=login");
                String url = Expertpass.scanQr(browser);
                String code = Expertpass.shownCode(browser);
                Expertpass.sleep(150); // a person takes seconds to scan; the page's long-poll is open by then
                ExpertpassCompanion.Result approved = phone.approve(url, code);
                long answered = System.nanoTime();
                assertEquals(200, approved.status(), approved.toString());
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(d -> d.getCurrentUrl().startsWith(redirectUri));
                Long arrived = arrivals.get(authorization.state());
                assertTrue(arrived != null, "the redirect reached the service");
                if (i >= WARMUP) {
                    millis.add((arrived - answered) / 1e6);
                }
            }
        } finally {
            browser.quit();
            service.stop(0);
        }
        Collections.sort(millis);
        String report = String.format(
                Locale.ROOT,
                "Expertpass approval-to-redirect latency over %d sign-ins (after %d warm-up): "
                        + "min %.1f ms, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                millis.size(),
                WARMUP,
                millis.get(0),
                pct(millis, 50),
                pct(millis, 90),
                pct(millis, 99),
                millis.get(millis.size() - 1));
        System.out.print(report);
        try {
            Files.writeString(
                    Path.of(System.getProperty("comptexpert.target", "target"), "expertpass-latency.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Boolean.getBoolean("expertpass.bench.assert")) {
            assertTrue(pct(millis, 50) <= 150 && pct(millis, 99) <= 500, report);
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
