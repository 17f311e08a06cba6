package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.tableau.TableauRegister;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;

/** Step 1, server side: every field checked, each error a translated message next to its field. */
final class IdentityForm {

    static final String PROFILE = "profile";
    static final String DETAIL = "profileDetail";
    static final String NOM = "lastName";
    static final String PRENOM = "firstName";
    static final String BIRTH_DATE = "birthDate";
    static final String EMAIL = "email";
    static final String NUMERO = "numero";

    static final int NAME_MAX = 80;
    static final int DETAIL_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int MIN_AGE = 15;
    static final int MAX_AGE = 120;

    /** Letters of any script with their accents, and the separators French names use. */
    private static final Pattern NAME = Pattern.compile("^\\p{L}[\\p{L}\\p{M} '’.\\-]*$");

    private static final Pattern NUMERO_FORMAT = Pattern.compile("^[A-Z0-9-]{3,20}$");
    private static final Pattern CONTROL_OR_MARKUP = Pattern.compile("[\\p{Cntrl}<>]");
    private static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    record Result(Optional<Identity> identity, List<FormMessage> errors) {}

    private IdentityForm() {}

    static Result validate(MultivaluedMap<String, String> form, ProfileCatalogue catalogue, Clock clock) {
        List<FormMessage> errors = new ArrayList<>();
        String profileId = trimmed(form.getFirst(PROFILE));
        Optional<OrdreProfile> profile = catalogue.selfRegistrable().stream()
                .filter(p -> p.id().equals(profileId))
                .findFirst();
        if (profileId.isEmpty()) {
            errors.add(new FormMessage(PROFILE, "ordreRegProfileRequired"));
        } else if (profile.isEmpty()) {
            errors.add(new FormMessage(PROFILE, "ordreRegProfileInvalid"));
        }

        String detail = trimmed(form.getFirst(DETAIL));
        if (profile.isPresent() && profile.get().detailsRequired()) {
            text(detail, DETAIL, DETAIL_MAX, errors);
        } else {
            detail = "";
        }
        String nom = name(form.getFirst(NOM), NOM, errors);
        String prenom = name(form.getFirst(PRENOM), PRENOM, errors);
        // Asked of Tableau profiles only: nothing checks it for the others (data minimisation).
        boolean tableau = profile.isPresent() && profile.get().checkedAgainstTableau();
        LocalDate birthDate = tableau ? birthDate(form.getFirst(BIRTH_DATE), LocalDate.now(clock), errors) : null;
        String numero = tableau ? numero(form.getFirst(NUMERO), errors) : null;

        String email = trimmed(form.getFirst(EMAIL)).toLowerCase(java.util.Locale.ROOT);
        email(email, errors);

        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(
                Optional.of(new Identity(
                        profileId, detail.isEmpty() ? null : detail, nom, prenom, birthDate, email, numero)),
                List.of());
    }

    static void email(String email, List<FormMessage> errors) {
        if (email.isEmpty()) {
            errors.add(new FormMessage(EMAIL, "ordreRegEmailRequired"));
        } else if (email.length() > EMAIL_MAX || !Validation.isEmailValid(email)) {
            errors.add(new FormMessage(EMAIL, "ordreRegEmailInvalid"));
        }
    }

    /** Optional; spaces and case as people type them ("idf 012 345"), kept in the register's canonical form. */
    static String numero(String raw, List<FormMessage> errors) {
        String value = TableauRegister.normalizeNumero(trimmed(raw));
        if (value.isEmpty()) {
            return null;
        }
        if (!NUMERO_FORMAT.matcher(value).matches()) {
            errors.add(new FormMessage(NUMERO, "ordreRegNumeroInvalid"));
        }
        return value;
    }

    static String name(String raw, String field, List<FormMessage> errors) {
        String value = collapse(raw);
        if (value.isEmpty()) {
            errors.add(new FormMessage(field, "ordreRegFieldRequired"));
        } else if (value.length() > NAME_MAX) {
            errors.add(new FormMessage(field, "ordreRegFieldTooLong", NAME_MAX));
        } else if (!NAME.matcher(value).matches()) {
            errors.add(new FormMessage(field, "ordreRegNameInvalid"));
        }
        return value;
    }

    private static void text(String value, String field, int max, List<FormMessage> errors) {
        if (value.isEmpty()) {
            errors.add(new FormMessage(field, "ordreRegFieldRequired"));
        } else if (value.length() > max) {
            errors.add(new FormMessage(field, "ordreRegFieldTooLong", max));
        } else if (CONTROL_OR_MARKUP.matcher(value).find()) {
            errors.add(new FormMessage(field, "ordreRegTextInvalid"));
        }
    }

    /** JJ/MM/AAAA as the Ordre's pages ask; ISO (from a date picker) accepted too. */
    static LocalDate birthDate(String raw, LocalDate today, List<FormMessage> errors) {
        String value = trimmed(raw);
        if (value.isEmpty()) {
            errors.add(new FormMessage(BIRTH_DATE, "ordreRegFieldRequired"));
            return null;
        }
        LocalDate date;
        try {
            date = value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FormMessage(BIRTH_DATE, "ordreRegBirthDateInvalid"));
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(new FormMessage(BIRTH_DATE, "ordreRegBirthDateFuture"));
            return null;
        }
        int age = Period.between(date, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            errors.add(new FormMessage(BIRTH_DATE, "ordreRegBirthDateAge", MIN_AGE, MAX_AGE));
            return null;
        }
        return date;
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** Inner runs of spaces count as one: "Le  Goff" is "Le Goff". */
    static String collapse(String value) {
        return trimmed(value).replaceAll("\\s+", " ");
    }
}
