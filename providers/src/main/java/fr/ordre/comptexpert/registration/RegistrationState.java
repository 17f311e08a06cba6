package fr.ordre.comptexpert.registration;

import org.keycloak.sessions.AuthenticationSessionModel;

import java.time.LocalDate;

/**
 * What the person has given so far, kept in the authentication session (shared by the cluster), never in
 * the page: a later step cannot be posted without the earlier ones.
 */
final class RegistrationState {

    enum Step { PROFILE, NUMERO, IDENTIFIANT, SENT }

    private static final String PREFIX = "ordre.reg.";

    private final AuthenticationSessionModel authSession;

    RegistrationState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    Step step() {
        String step = note("step");
        return step == null ? Step.PROFILE : Step.valueOf(step);
    }

    void step(Step step) {
        note("step", step.name());
    }

    Identity identity() {
        String birthDate = note("birthDate");
        return new Identity(note("profile"), note("detail"), note("nom"), note("prenom"),
                birthDate == null ? null : LocalDate.parse(birthDate), note("email"));
    }

    void identity(Identity identity) {
        note("profile", identity.profileId());
        note("detail", identity.detail());
        note("nom", identity.nom());
        note("prenom", identity.prenom());
        note("birthDate", identity.birthDate().toString());
        note("email", identity.email());
    }

    /** The register entry the person was matched to, if their profile is on the Tableau. */
    String numero() {
        return note("numero");
    }

    String conseilRegional() {
        return note("conseil");
    }

    void matched(String numero, String conseilRegional) {
        note("numero", numero);
        note("conseil", conseilRegional);
    }

    int failures() {
        String n = note("failures");
        return n == null ? 0 : Integer.parseInt(n);
    }

    void failed() {
        note("failures", Integer.toString(failures() + 1));
    }

    String userId() {
        return note("user");
    }

    void created(String userId) {
        note("user", userId);
    }

    void reset() {
        for (String name : new String[]{"step", "profile", "detail", "nom", "prenom", "birthDate", "email", "numero", "conseil"}) {
            authSession.removeAuthNote(PREFIX + name);
        }
    }

    private String note(String name) {
        return authSession.getAuthNote(PREFIX + name);
    }

    private void note(String name, String value) {
        if (value == null) {
            authSession.removeAuthNote(PREFIX + name);
        } else {
            authSession.setAuthNote(PREFIX + name, value);
        }
    }
}
