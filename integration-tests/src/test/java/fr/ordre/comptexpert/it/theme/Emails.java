package fr.ordre.comptexpert.it.theme;

import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;

/**
 * One real email, as GreenMail received it: both parts present, every link absolute and on the server's
 * base URL, and its HTML part opened in the real browser (a file under target/emails/), checked with axe
 * and photographed at both widths like the pages.
 */
final class Emails {

    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\"']+");

    private Emails() {}

    static List<String> check(TestEnvironment.Env env, WebDriver browser, MailServer.Mail mail, String name) {
        List<String> problems = new ArrayList<>();
        String base = env.keycloak().baseUrl() + "/";
        if (mail.html() == null || mail.html().isBlank()) {
            problems.add(name + ": no HTML part");
        }
        if (mail.text() == null || mail.text().isBlank()) {
            problems.add(name + ": no text part");
        }
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(mail.html() == null ? "" : mail.html());
        while (href.find()) {
            links.add(FormClient.unescape(href.group(1)));
        }
        int htmlLinks = links.size();
        Matcher url = TEXT_URL.matcher(mail.text() == null ? "" : mail.text());
        while (url.find()) {
            links.add(url.group());
        }
        if (htmlLinks == 0 || links.size() == htmlLinks) {
            problems.add(name + ": expected links in both parts, HTML " + htmlLinks + ", text "
                    + (links.size() - htmlLinks));
        }
        for (String link : links) {
            if (!link.startsWith(base)) {
                problems.add(name + ": link not absolute on " + base + ": " + link);
            }
        }
        if (mail.html() != null && !mail.html().isBlank()) {
            Path dir = Path.of(System.getProperty("comptexpert.target", "target"), "emails");
            try {
                Files.createDirectories(dir);
                Files.writeString(
                        dir.resolve(name + ".txt"), mail.subject() + "\n\n" + mail.text(), StandardCharsets.UTF_8);
                Path html = dir.resolve(name + ".html");
                Files.writeString(html, mail.html(), StandardCharsets.UTF_8);
                browser.get(html.toAbsolutePath().toUri().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            problems.addAll(Axe.atBothWidths(browser, name, List.of()));
        }
        return problems;
    }
}
