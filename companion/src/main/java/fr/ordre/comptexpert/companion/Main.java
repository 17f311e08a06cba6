package fr.ordre.comptexpert.companion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line:
 * <pre>
 * expertpass enrol   QR-URL|IMAGE --name "Pixel de Marie" [--key FILE]
 * expertpass devices                                    [--key FILE]
 * expertpass show    QR-URL|IMAGE                       [--key FILE]
 * expertpass approve QR-URL|IMAGE --code NN             [--key FILE]
 * expertpass deny    QR-URL|IMAGE                       [--key FILE]
 * expertpass card    [--qr FILE.png]                    [--key FILE]
 * </pre>
 * The key file defaults to ~/.expertpass/device.json. Exit status: 0 done, 1 refused by the server, 2 usage.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> positional = new ArrayList<>();
        String name = null;
        String code = null;
        Path qrFile = null;
        Path keyFile = Path.of(System.getProperty("user.home"), ".expertpass", "device.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = ++i < args.length ? args[i] : null;
                case "--code" -> code = ++i < args.length ? args[i] : null;
                case "--qr" -> qrFile = ++i < args.length ? Path.of(args[i]) : null;
                case "--key" -> keyFile = ++i < args.length ? Path.of(args[i]) : keyFile;
                default -> positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            return usage();
        }
        String command = positional.get(0);
        String qr = positional.size() > 1 ? positional.get(1) : null;
        try {
            switch (command) {
                case "enrol" -> {
                    if (qr == null || name == null) {
                        return usage();
                    }
                    ExpertpassCompanion.Enrolment enrolment = ExpertpassCompanion.enrol(QrCodes.resolve(qr), name);
                    System.out.println(enrolment.result());
                    if (enrolment.awaitingConfirmation()) {
                        System.out.println(
                                "Waiting for the browser: answer 'Activate \"" + name + "\"?' on the activation page…");
                        enrolment = enrolment.awaitConfirmation(java.time.Duration.ofMinutes(3));
                        System.out.println(enrolment.result());
                    }
                    if (enrolment.companion() == null) {
                        return 1;
                    }
                    enrolment.companion().key().save(keyFile);
                    System.out.println("Enrolled '" + name + "' for "
                            + enrolment.companion().key().username() + "; key saved in " + keyFile);
                    return 0;
                }
                case "devices" -> {
                    return print(companion(keyFile).devices());
                }
                case "show" -> {
                    return qr == null
                            ? usage()
                            : print(warnIfElsewhere(companion(keyFile).show(QrCodes.resolve(qr))));
                }
                case "approve" -> {
                    if (qr == null || code == null) {
                        return usage();
                    }
                    ExpertpassCompanion companion = companion(keyFile);
                    String url = QrCodes.resolve(qr);
                    ExpertpassCompanion.Result shown = companion.show(url);
                    System.out.println("Signing in to: " + warnIfElsewhere(shown));
                    return shown.ok() ? print(companion.approve(url, code)) : 1;
                }
                case "card" -> {
                    return card(companion(keyFile), qrFile);
                }
                case "deny" -> {
                    return qr == null ? usage() : print(companion(keyFile).deny(QrCodes.resolve(qr)));
                }
                default -> {
                    return usage();
                }
            }
        } catch (RuntimeException e) {
            System.err.println("expertpass: " + e.getMessage());
            return 1;
        }
    }

    private static ExpertpassCompanion companion(Path keyFile) {
        if (!Files.exists(keyFile)) {
            throw new IllegalStateException("No key file " + keyFile + ": enrol first");
        }
        return new ExpertpassCompanion(DeviceKey.load(keyFile));
    }

    /** Fetches the card, prints it, and writes its verification QR code as a PNG. */
    private static int card(ExpertpassCompanion companion, Path qrFile) {
        ExpertpassCompanion.Result result = companion.card();
        if (!result.ok()) {
            System.out.println(result);
            return 1;
        }
        var holder = result.body().get("holder");
        System.out.println("Carte professionnelle / professional card");
        System.out.println(
                "  " + holder.path("prenom").asText() + " " + holder.path("nom").asText());
        System.out.println("  " + holder.path("profilLabels").path("fr").asText());
        if (holder.hasNonNull("numero")) {
            System.out.println("  N° " + holder.get("numero").asText() + " - "
                    + holder.path("conseil").asText());
        }
        System.out.println("  statut: " + holder.path("statut").asText());
        System.out.println("  valid until: "
                + java.time.Instant.ofEpochSecond(result.body().get("expiresAt").asLong()));
        System.out.println("  verify: " + result.field("verifyUrl"));
        System.out.println("  card (JWS): " + result.field("card"));
        Path png = qrFile == null ? Path.of("expertpass-card.png") : qrFile;
        try {
            Files.write(png, QrCodes.png(result.field("verifyUrl"), 8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write " + png, e);
        }
        System.out.println("  QR code: " + png.toAbsolutePath());
        return 0;
    }

    /** The proximity signal, said in words: the app shows the same warning. */
    private static ExpertpassCompanion.Result warnIfElsewhere(ExpertpassCompanion.Result shown) {
        if (shown.otherNetwork()) {
            System.out.println("Warning: this device is not on the network of the browser that shows the QR code"
                    + ("refuse".equals(shown.field("proximity")) ? " (the server will refuse the approval)" : "")
                    + ". Approve only a sign-in you are making yourself, on the screen in front of you.");
        }
        return shown;
    }

    private static int print(ExpertpassCompanion.Result result) {
        System.out.println(result);
        return result.ok() ? 0 : 1;
    }

    private static int usage() {
        System.err.println(
                """
                usage: expertpass enrol   QR-URL|IMAGE --name DEVICE-NAME [--key FILE]
                       expertpass devices                              [--key FILE]
                       expertpass show    QR-URL|IMAGE                 [--key FILE]
                       expertpass approve QR-URL|IMAGE --code NN       [--key FILE]
                       expertpass deny    QR-URL|IMAGE                 [--key FILE]
                       expertpass card    [--qr FILE.png]              [--key FILE]
                key file default: ~/.expertpass/device.json""");
        return 2;
    }
}
