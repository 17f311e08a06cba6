package fr.ordre.comptexpert.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.utils.FormMessage;

/** What a person types in the registration form: birth dates, names turned into identifiants, identifiants. */
class RegistrationInputFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    /** A date is accepted (in the past, age in range) with no message, or refused with exactly one. */
    @FuzzTest(maxDuration = "10s")
    void birthDate(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        List<FormMessage> errors = new ArrayList<>();
        LocalDate date = IdentityForm.birthDate(raw, TODAY, errors);
        if (date == null) {
            assertEquals(1, errors.size(), raw);
            assertEquals("birthDate", errors.get(0).getField());
        } else {
            assertTrue(errors.isEmpty(), raw);
            assertFalse(date.isAfter(TODAY), raw);
            int age = Period.between(date, TODAY).getYears();
            assertTrue(age >= 15 && age <= 120, raw + " gives age " + age);
        }
    }

    /** A slug is lower-case letters and digits in hyphen-joined words; an identifiant check never throws. */
    @FuzzTest(maxDuration = "10s")
    void namesAndIdentifiants(FuzzedDataProvider data) {
        String prenom = data.consumeString(100);
        String nom = data.consumeString(100);
        String identifiant = data.consumeRemainingAsString();
        String slug = Identifiant.slug(nom);
        assertTrue(slug.matches("(?:[a-z0-9]+(?:-[a-z0-9]+)*)?"), "slug of " + nom + ": " + slug);
        String broken = Identifiant.check(identifiant);
        if (broken == null) {
            assertTrue(identifiant.matches("[a-z][a-z0-9._-]*"), identifiant);
        }
        for (String suggestion : Identifiant.suggestions(prenom, nom, s -> false)) {
            assertNull(Identifiant.check(suggestion), "suggestion " + suggestion + " for " + prenom + " " + nom);
        }
    }
}
