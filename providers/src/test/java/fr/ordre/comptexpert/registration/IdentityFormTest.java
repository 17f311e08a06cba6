package fr.ordre.comptexpert.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import fr.ordre.comptexpert.tableau.RegisterList;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

class IdentityFormTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneId.of("Europe/Paris"));
    static final ProfileCatalogue CATALOGUE = ProfileCatalogue.of(List.of(
            new OrdreProfile(
                    "expert-comptable",
                    "Expert-comptable",
                    "Chartered accountant",
                    10,
                    EnumSet.of(RegisterList.EXPERT_COMPTABLE),
                    true,
                    true,
                    false,
                    "g1"),
            new OrdreProfile("permanent", "Permanent", "Staff", 20, Set.of(), true, false, false, "g2"),
            new OrdreProfile("autre", "Autre profil", "Other profile", 30, Set.of(), false, true, true, "g3")));

    static MultivaluedHashMap<String, String> form(Map<String, String> values) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        values.forEach(form::putSingle);
        return form;
    }

    static Map<String, String> valid() {
        return Map.of(
                "profile",
                "expert-comptable",
                "lastName",
                "  Lefèvre-Dupont ",
                "firstName",
                "Marie  Hélène",
                "birthDate",
                "14/03/1975",
                "email",
                "Marie@Example.FR");
    }

    static List<String> errorsFor(Map<String, String> values, String field) {
        return IdentityForm.validate(form(values), CATALOGUE, TODAY).errors().stream()
                .filter(m -> field.equals(m.getField()))
                .map(FormMessage::getMessage)
                .toList();
    }

    static Map<String, String> with(String field, String value) {
        var values = new java.util.HashMap<>(valid());
        values.put(field, value);
        return values;
    }

    @Test
    void aValidIdentityIsTrimmedAndNormalised() {
        Identity identity = IdentityForm.validate(form(valid()), CATALOGUE, TODAY)
                .identity()
                .orElseThrow();
        assertEquals("Lefèvre-Dupont", identity.nom());
        assertEquals("Marie Hélène", identity.prenom());
        assertEquals(LocalDate.of(1975, 3, 14), identity.birthDate());
        assertEquals("marie@example.fr", identity.email());
        assertEquals(null, identity.detail());
    }

    @Test
    void isoDatesFromADatePickerAreAccepted() {
        assertTrue(errorsFor(with("birthDate", "1975-03-14"), "birthDate").isEmpty());
    }

    @Test
    void impossibleFutureAndOutOfRangeDatesAreRefused() {
        assertEquals(List.of("ordreRegBirthDateInvalid"), errorsFor(with("birthDate", "31/02/2000"), "birthDate"));
        assertEquals(List.of("ordreRegBirthDateInvalid"), errorsFor(with("birthDate", "14-03-1975"), "birthDate"));
        assertEquals(List.of("ordreRegBirthDateFuture"), errorsFor(with("birthDate", "28/11/2026"), "birthDate"));
        assertEquals(List.of("ordreRegBirthDateAge"), errorsFor(with("birthDate", "28/11/2011"), "birthDate"));
        assertTrue(errorsFor(with("birthDate", "27/11/2011"), "birthDate").isEmpty(), "15 today");
        assertEquals(List.of("ordreRegBirthDateAge"), errorsFor(with("birthDate", "01/01/1900"), "birthDate"));
    }

    @Test
    void namesRefuseMarkupControlCharactersAndExcess() {
        assertEquals(List.of("ordreRegNameInvalid"), errorsFor(with("lastName", "<b>Dupont</b>"), "lastName"));
        assertEquals(List.of("ordreRegNameInvalid"), errorsFor(with("lastName", "Dupont\u0000"), "lastName"));
        assertEquals(List.of("ordreRegFieldTooLong"), errorsFor(with("lastName", "D".repeat(81)), "lastName"));
        assertEquals(List.of("ordreRegFieldRequired"), errorsFor(with("firstName", "   "), "firstName"));
        assertTrue(
                errorsFor(with("lastName", "d'Almeida de La Tour"), "lastName").isEmpty());
    }

    @Test
    void profilesMustBeSelfRegistrableOnes() {
        assertEquals(List.of("ordreRegProfileInvalid"), errorsFor(with("profile", "administrateur"), "profile"));
        assertEquals(List.of("ordreRegProfileInvalid"), errorsFor(with("profile", "permanent"), "profile"));
        assertEquals(List.of("ordreRegProfileRequired"), errorsFor(with("profile", ""), "profile"));
    }

    @Test
    void autreProfilNeedsAPlainTextDetail() {
        assertEquals(List.of("ordreRegFieldRequired"), errorsFor(with("profile", "autre"), "profileDetail"));
        var values = new java.util.HashMap<>(with("profile", "autre"));
        values.put("profileDetail", "<script>");
        assertEquals(List.of("ordreRegTextInvalid"), errorsFor(values, "profileDetail"));
        values.put("profileDetail", "Collaborateur de cabinet");
        assertEquals(
                "Collaborateur de cabinet",
                IdentityForm.validate(form(values), CATALOGUE, TODAY)
                        .identity()
                        .orElseThrow()
                        .detail());
    }

    @Test
    void emailsAreChecked() {
        assertEquals(List.of("ordreRegEmailInvalid"), errorsFor(with("email", "pas-une-adresse"), "email"));
        assertEquals(List.of("ordreRegEmailInvalid"), errorsFor(with("email", "a".repeat(250) + "@x.fr"), "email"));
        assertEquals(List.of("ordreRegEmailRequired"), errorsFor(with("email", ""), "email"));
    }

    @Test
    void anEmptyFormGetsOneMessagePerField() {
        var errors = IdentityForm.validate(new MultivaluedHashMap<>(), CATALOGUE, TODAY)
                .errors();
        assertEquals(
                Set.of("profile", "lastName", "firstName", "email"),
                Set.copyOf(errors.stream().map(FormMessage::getField).toList()),
                "no profile yet: no birth date asked");
        var tableau = IdentityForm.validate(form(Map.of("profile", "expert-comptable")), CATALOGUE, TODAY)
                .errors();
        assertTrue(tableau.stream().anyMatch(m -> "birthDate".equals(m.getField())));
    }

    @Test
    void theBirthDateAndTheNumeroAreAskedOfTableauProfilesOnly() {
        var autre = new java.util.HashMap<>(valid());
        autre.put("profile", "autre");
        autre.put("profileDetail", "Collaborateur de cabinet");
        autre.put("birthDate", "pas une date");
        autre.put("numero", "IDF-100001");
        Identity open =
                IdentityForm.validate(form(autre), CATALOGUE, TODAY).identity().orElseThrow();
        assertEquals(null, open.birthDate(), "not kept, not even checked");
        assertEquals(null, open.numero());
        Identity member = IdentityForm.validate(form(with("numero", " idf-100 001 ")), CATALOGUE, TODAY)
                .identity()
                .orElseThrow();
        assertEquals("IDF-100001", member.numero());
        assertEquals(List.of("ordreRegNumeroInvalid"), errorsFor(with("numero", "<b>"), "numero"));
    }
}
