package fr.ordre.comptexpert.registration;

import java.time.LocalDate;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the person has given so far, kept in the authentication session (shared by the cluster), never in
 * the page: a later step cannot be posted without the earlier ones.
 */
final class RegistrationState {

    enum Step {
        PROFILE,
        IDENTIFIANT,
        SENT
    }

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
        return new Identity(
                note("profile"),
                note("detail"),
                note("nom"),
                note("prenom"),
                birthDate == null ? null : LocalDate.parse(birthDate),
                note("email"),
                note("numero"));
    }

    void identity(Identity identity) {
        note("profile", identity.profileId());
        note("detail", identity.detail());
        note("nom", identity.nom());
        note("prenom", identity.prenom());
        note(
                "birthDate",
                identity.birthDate() == null ? null : identity.birthDate().toString());
        note("numero", identity.numero());
        note("email", identity.email());
    }

    /** The account this attempt made, or (when the email had one already) the account it wrote to. */
    String userId() {
        return note("user");
    }

    /** True when the email had an account already: nothing was made, its holder was written to. */
    boolean existing() {
        return "true".equals(note("existing"));
    }

    void sentTo(String userId, boolean existing) {
        note("user", userId);
        note("existing", existing ? "true" : null);
    }

    void reset() {
        for (String name :
                new String[] {"step", "profile", "detail", "nom", "prenom", "birthDate", "email", "numero"}) {
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
