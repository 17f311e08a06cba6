package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.profile.ProfileCatalogue;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What the registration templates ({@code ordre-register-*.ftl}) get as {@code ordreReg}. */
final class RegistrationPage {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RegistrationPage() {}

    static String template(RegistrationState.Step step) {
        return "ordre-register-" + step.name().toLowerCase(Locale.ROOT) + ".ftl";
    }

    static Map<String, Object> model(
            KeycloakSession session,
            RealmModel realm,
            RegistrationState state,
            RegistrationState.Step step,
            Map<String, String> values,
            Locale locale) {
        ProfileCatalogue catalogue = ProfileCatalogue.of(session, realm);
        Map<String, Object> model = new HashMap<>();
        model.put("step", step.name());
        model.put("identifiantMin", Identifiant.MIN);
        model.put("identifiantMax", Identifiant.MAX);
        model.put(
                "profiles",
                catalogue.selfRegistrable().stream()
                        .map(p -> profile(p, locale))
                        .toList());

        Identity identity = state.identity();
        // The Tableau profiles' pages say how the binding is proved; the same words whatever was found.
        model.put(
                "tableau",
                identity.profileId() != null
                        && catalogue
                                .find(identity.profileId())
                                .map(OrdreProfile::checkedAgainstTableau)
                                .orElse(false));
        Map<String, String> shown = new HashMap<>();
        if (identity.nom() != null && step == RegistrationState.Step.PROFILE) {
            // Back to step 1: show what the person had given.
            shown.put(IdentityForm.PROFILE, identity.profileId());
            shown.put(IdentityForm.DETAIL, identity.detail() == null ? "" : identity.detail());
            shown.put(IdentityForm.NOM, identity.nom());
            shown.put(IdentityForm.PRENOM, identity.prenom());
            shown.put(
                    IdentityForm.BIRTH_DATE,
                    identity.birthDate() == null ? "" : FRENCH_DATE.format(identity.birthDate()));
            shown.put(IdentityForm.EMAIL, identity.email());
            shown.put(IdentityForm.NUMERO, identity.numero() == null ? "" : identity.numero());
        }
        shown.putAll(values);
        model.put("values", shown);

        if (identity.nom() != null) {
            Map<String, String> recap = new LinkedHashMap<>();
            recap.put(
                    "profile",
                    catalogue
                            .find(identity.profileId())
                            .map(p -> p.label(locale))
                            .orElse(identity.profileId()));
            recap.put("nom", identity.nom());
            recap.put("prenom", identity.prenom());
            recap.put("email", identity.email());
            if (identity.numero() != null) {
                // What the person typed, never what the register found.
                recap.put("numero", identity.numero());
            }
            model.put("recap", recap);
            if (step == RegistrationState.Step.IDENTIFIANT) {
                model.put(
                        "suggestions",
                        Identifiant.suggestions(
                                identity.prenom(),
                                identity.nom(),
                                u -> session.users().getUserByUsername(realm, u) != null));
            }
        }
        return model;
    }

    private static Map<String, Object> profile(OrdreProfile profile, Locale locale) {
        return Map.of(
                "id",
                profile.id(),
                "label",
                profile.label(locale),
                "tableau",
                profile.checkedAgainstTableau(),
                "details",
                profile.detailsRequired());
    }
}
