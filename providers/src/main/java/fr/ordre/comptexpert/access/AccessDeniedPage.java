package fr.ordre.comptexpert.access;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;

/** The branded refusal page ({@code ordre-access-denied.ftl}), in the user's language, answered with 403. */
final class AccessDeniedPage {

    static final String TEMPLATE = "ordre-access-denied.ftl";

    /**
     * What the template shows; a plain bean so FreeMarker reads it with getters.
     */
    public static final class Model {
        private final String service;
        private final String serviceTo;
        private final String serviceUrl;
        private final List<String> allowedProfiles;
        private final String currentProfile;
        private final boolean notOnRegister;

        Model(
                String service,
                String serviceTo,
                String serviceUrl,
                List<String> allowedProfiles,
                String currentProfile,
                boolean notOnRegister) {
            this.service = service;
            this.serviceTo = serviceTo;
            this.serviceUrl = serviceUrl;
            this.allowedProfiles = allowedProfiles;
            this.currentProfile = currentProfile;
            this.notOnRegister = notOnRegister;
        }

        public String getService() {
            return service;
        }

        /** French: "à" and the name with its article ("à la Revue…", "au Network…"), for the sentences that need it. */
        public String getServiceTo() {
            return serviceTo;
        }

        public String getServiceUrl() {
            return serviceUrl;
        }

        public List<String> getAllowedProfiles() {
            return allowedProfiles;
        }

        public String getCurrentProfile() {
            return currentProfile;
        }

        public boolean isNotOnRegister() {
            return notOnRegister;
        }
    }

    private AccessDeniedPage() {}

    static Response render(
            LoginFormsProvider form,
            ProfileAccessRule rule,
            ClientModel client,
            UserModel user,
            AccessDecision decision,
            Locale locale) {
        List<String> allowed =
                rule.allowedProfiles(client).stream().map(p -> p.label(locale)).toList();
        String current =
                rule.profile(decision.profileId()).map(p -> p.label(locale)).orElse(null);
        String name = ProfileAccessRule.serviceName(client);
        String url =
                client.getBaseUrl() != null && client.getBaseUrl().startsWith("https://") ? client.getBaseUrl() : null;
        Model model = new Model(
                name,
                ProfileAccessRule.toService(client),
                url,
                allowed,
                current,
                decision.outcome() == AccessDecision.Outcome.NOT_ON_REGISTER);
        return form.setStatus(Response.Status.FORBIDDEN)
                .setAttribute("ordreAccess", model)
                .createForm(TEMPLATE);
    }
}
