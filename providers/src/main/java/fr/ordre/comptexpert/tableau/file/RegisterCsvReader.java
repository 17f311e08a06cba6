package fr.ordre.comptexpert.tableau.file;

import fr.ordre.comptexpert.tableau.NameNormalizer;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.services.validation.Validation;

/**
 * Reads the register CSV (UTF-8, ';' separated, header required, '#' comments, "..." quoting with
 * "" escapes) into a {@link RegisterIndex}. A bad line is skipped with a warning naming its number;
 * only an unreadable file or a wrong header fails the whole read. An optional 9th column
 * {@value #EMAIL_COLUMN} holds the address on file; an invalid one is read as absent, with a warning,
 * rather than skipping the line: a typo in an address must not take a member off the Tableau.
 */
final class RegisterCsvReader {

    static final List<String> COLUMNS = List.of(
            "numero_inscription",
            "nom",
            "nom_usage",
            "prenoms",
            "date_naissance",
            "liste",
            "conseil_regional",
            "statut");

    /** Optional, right after {@link #COLUMNS}: read only when the header names it there. */
    static final String EMAIL_COLUMN = "email";

    /** RFC 5321's limit; Keycloak's own check does not bound the whole address. */
    private static final int MAX_EMAIL_LENGTH = 254;

    /** A file exported with the wrong separator would otherwise flood the log with one line per entry. */
    private static final int MAX_LOGGED_LINES = 20;

    private static final Logger LOG = Logger.getLogger(RegisterCsvReader.class);

    /** @param invalidEmails lines whose email was not a valid address, loaded without it */
    record Result(RegisterIndex index, int skippedLines, int invalidEmails) {}

    /** The header as read: how many fields a line has, and whether the 9th is the address on file. */
    private record Header(int columns, boolean hasEmail) {}

    private final String source;
    private final RegisterIndex.Builder index = new RegisterIndex.Builder();
    // Names, prénoms, councils and dates repeat a lot: one instance each keeps the index small.
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final List<String> fields = new ArrayList<>(COLUMNS.size());
    private final StringBuilder field = new StringBuilder(64);
    private int skipped;
    private int invalidEmails;
    private int lineNumber;

    private RegisterCsvReader(String source) {
        this.source = source;
    }

    static Result read(Path file) throws IOException {
        // Strict UTF-8: a Windows-1252 export must fail loudly, not load mangled names.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            return read(reader, file.toString());
        }
    }

    static Result read(BufferedReader reader, String source) throws IOException {
        return new RegisterCsvReader(source).readAll(reader);
    }

    private Result readAll(BufferedReader reader) throws IOException {
        Header header = null;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                split(line);
                if (header == null) {
                    header = checkHeader();
                } else {
                    addEntry(header);
                }
            } catch (BadLineException e) {
                if (header == null) {
                    throw new FormatException("bad header at line " + lineNumber + ": " + e.getMessage());
                }
                skip(e.getMessage());
            }
        }
        if (header == null) {
            throw new FormatException("no header line");
        }
        if (skipped > MAX_LOGGED_LINES) {
            LOG.warnf(
                    "Tableau register %s: %d malformed lines skipped in all (only the first %d are logged)",
                    source, skipped, MAX_LOGGED_LINES);
        }
        if (invalidEmails > MAX_LOGGED_LINES) {
            LOG.warnf(
                    "Tableau register %s: %d invalid email addresses read as absent in all (only the first %d are logged)",
                    source, invalidEmails, MAX_LOGGED_LINES);
        }
        return new Result(index.build(), skipped, invalidEmails);
    }

    private Header checkHeader() throws BadLineException {
        if (fields.size() < COLUMNS.size()) {
            throw new BadLineException("expected the columns " + String.join(";", COLUMNS));
        }
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (!COLUMNS.get(i).equals(fields.get(i).toLowerCase(Locale.ROOT))) {
                throw new BadLineException("column " + (i + 1) + " is '" + fields.get(i) + "', expected '"
                        + COLUMNS.get(i) + "' (columns: " + String.join(";", COLUMNS) + ")");
            }
        }
        boolean hasEmail = fields.size() > COLUMNS.size() && isEmailColumn(COLUMNS.size());
        int known = COLUMNS.size() + (hasEmail ? 1 : 0);
        for (int i = known; i < fields.size(); i++) {
            // Elsewhere it would be silently ignored, and every binding would lack its proof channel.
            if (isEmailColumn(i)) {
                throw new BadLineException("column '" + EMAIL_COLUMN + "' must be column " + (COLUMNS.size() + 1)
                        + ", right after '" + COLUMNS.get(COLUMNS.size() - 1) + "'");
            }
        }
        if (fields.size() > known) {
            LOG.debugf(
                    "Tableau register %s: header line %d has %d extra columns, ignored",
                    source, lineNumber, fields.size() - known);
        }
        return new Header(fields.size(), hasEmail);
    }

    private boolean isEmailColumn(int i) {
        return EMAIL_COLUMN.equals(fields.get(i).toLowerCase(Locale.ROOT));
    }

    private void addEntry(Header header) throws BadLineException {
        if (fields.size() != header.columns()) {
            throw new BadLineException(fields.size() + " fields, expected " + header.columns());
        }
        String numero = TableauRegister.normalizeNumero(fields.get(0));
        if (numero.isEmpty()) {
            throw new BadLineException("numero_inscription is empty");
        }
        if (index.containsNumero(numero)) {
            throw new BadLineException("numero_inscription " + numero + " already used by an earlier line");
        }
        String nom = fields.get(1);
        if (NameNormalizer.normalize(nom).isEmpty()) {
            throw new BadLineException("nom is empty");
        }
        String nomUsage = fields.get(2).isEmpty() ? null : fields.get(2);
        LocalDate date = date(fields.get(4));
        RegisterList liste;
        RegisterStatus statut;
        try {
            liste = RegisterList.fromCode(fields.get(5));
            statut = RegisterStatus.fromCode(fields.get(7));
        } catch (IllegalArgumentException e) {
            throw new BadLineException(e.getMessage());
        }
        String conseil = fields.get(6);
        if (conseil.isEmpty()) {
            throw new BadLineException("conseil_regional is empty");
        }
        String email = header.hasEmail() ? email(fields.get(COLUMNS.size())) : null;
        index.add(new RegisterEntry(
                numero,
                shared(nom),
                shared(nomUsage),
                shared(fields.get(3)),
                date,
                liste,
                shared(conseil),
                statut,
                email));
    }

    /** The address on file, lower case, or null when empty or invalid (logged without the value: personal data). */
    private String email(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String email = value.toLowerCase(Locale.ROOT);
        if (email.length() <= MAX_EMAIL_LENGTH && Validation.isEmailValid(email)) {
            return email;
        }
        invalidEmails++;
        if (invalidEmails <= MAX_LOGGED_LINES) {
            LOG.warnf(
                    "Tableau register %s: line %d: email is not a valid address, read as absent (entry loaded)",
                    source, lineNumber);
        }
        return null;
    }

    private LocalDate date(String value) throws BadLineException {
        LocalDate date = dates.get(value);
        if (date == null) {
            try {
                // ISO_LOCAL_DATE resolves strictly: 1990-02-30 is rejected, not rolled over.
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // The value itself stays out of the log: it is a birth date.
                throw new BadLineException("date_naissance is not a valid YYYY-MM-DD date");
            }
            dates.put(value, date);
        }
        return date;
    }

    private String shared(String value) {
        return value == null ? null : strings.computeIfAbsent(value, v -> v);
    }

    private void skip(String reason) {
        skipped++;
        if (skipped <= MAX_LOGGED_LINES) {
            LOG.warnf("Tableau register %s: line %d skipped: %s", source, lineNumber, reason);
        }
    }

    /** Splits one line into {@link #fields}, trimmed; quoted fields may hold ';' and "" for a quote. */
    private void split(String line) throws BadLineException {
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean afterClosingQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                    afterClosingQuote = true;
                }
            } else if (c == ';') {
                endField();
                afterClosingQuote = false;
            } else if (afterClosingQuote) {
                if (!Character.isWhitespace(c)) {
                    throw new BadLineException("text after a closing quote in field " + (fields.size() + 1));
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadLineException("unterminated quote in field " + (fields.size() + 1));
        }
        endField();
    }

    private void endField() {
        fields.add(field.toString().trim());
        field.setLength(0);
    }

    /** The file as a whole is not a register file: nothing of it is loaded. */
    static final class FormatException extends IOException {
        FormatException(String message) {
            super(message);
        }
    }

    /** A line-level problem: cheap to throw, no stack trace. */
    private static final class BadLineException extends Exception {
        BadLineException(String message) {
            super(message, null, false, false);
        }
    }
}
