package fr.ordre.comptexpert.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, wired into the realm through its SMTP settings. */
public final class MailServer implements AutoCloseable {

    /** What our emails' action links contain: the short link that leads to the signed one (ShortLink). */
    public static final String ACTION_LINK = "/comptexpert/l/";

    /** One received email, decoded. */
    public record Mail(String to, String subject, String text, String html) {

        private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher m = LINK.matcher(text.isEmpty() ? html : text);
            while (m.find()) {
                links.add(FormClient.unescape(m.group()));
            }
            return links;
        }

        /** The first link that contains the fragment, e.g. {@link #ACTION_LINK}. */
        public String link(String fragment) {
            return links().stream()
                    .filter(l -> l.contains(fragment))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "No link containing '" + fragment + "' in mail '" + subject + "':\n" + text));
        }
    }

    private final int port;
    /** Mails received before a stop: a stopped GreenMail cannot be started again, a new one takes over. */
    private final List<MimeMessage> archived = new ArrayList<>();

    private GreenMail greenMail;

    public MailServer(int port) {
        this.port = port;
        restart();
    }

    public int port() {
        return port;
    }

    public List<Mail> all() {
        List<MimeMessage> messages = new ArrayList<>(archived);
        messages.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        return messages.stream().map(MailServer::decode).toList();
    }

    /**
     * How many mails went to an address that {@code recipient} accepts, reading only their headers: a benchmark's
     * tens of thousands of mails would not fit in memory decoded.
     */
    public long count(java.util.function.Predicate<String> recipient) {
        List<MimeMessage> messages = new ArrayList<>(archived);
        messages.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        return messages.stream()
                .filter(message -> {
                    try {
                        return message.getAllRecipients() != null
                                && recipient.test(message.getAllRecipients()[0].toString());
                    } catch (MessagingException e) {
                        throw new IllegalStateException("Unreadable mail header", e);
                    }
                })
                .count();
    }

    public List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the n-th mail (1-based) sent to the address. */
    public Mail await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("Expected " + count + " mail(s) to " + address + " within " + timeout + ", got "
                + to(address).size());
    }

    /** Waits for a mail to the address whose text contains {@code fragment} (others may come before it). */
    public Mail awaitContaining(String address, String fragment, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Mail> found = to(address).stream()
                    .filter(m -> m.text().contains(fragment))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("Expected a mail to " + address + " containing " + fragment + " within " + timeout);
    }

    public Optional<Mail> last(String address) {
        List<Mail> mails = to(address);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    /** Takes the SMTP server down, as an outage would. */
    public synchronized void stop() {
        archived.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    public synchronized void restart() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    static Mail decode(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
            return new Mail(to, message.getSubject(), text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Undecodable mail", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
