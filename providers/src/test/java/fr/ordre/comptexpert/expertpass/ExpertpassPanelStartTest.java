package fr.ordre.comptexpert.expertpass;

import static fr.ordre.comptexpert.expertpass.ExpertpassStoreTest.proxy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Which login attempts the panel's start serves: only one that waits on the Expertpass sign-in step (the page the
 * panel was on), with that step's own QR settings.
 */
class ExpertpassPanelStartTest {

    @Test
    void anAttemptOnTheExpertpassStepGetsThatStepsSettings() {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(
                Map.of(ExpertpassLoginConfig.CHALLENGE_LIFESPAN, "30", ExpertpassLoginConfig.CODE_DIGITS, "3"));
        RealmModel realm = realm(execution(ExpertpassLoginFormFactory.PROVIDER_ID, "config-1"), config);
        ExpertpassLoginConfig read =
                ExpertpassPanelStart.stepConfig(realm, attemptOn("execution-1")).orElseThrow();
        assertEquals(30, read.challengeLifespanSeconds());
        assertEquals(3, read.codeDigits());
        assertEquals(
                ExpertpassLoginConfig.DEFAULTS,
                ExpertpassPanelStart.stepConfig(
                                realm(execution(ExpertpassLoginFormFactory.PROVIDER_ID, null), null),
                                attemptOn("execution-1"))
                        .orElseThrow(),
                "a step without settings has the defaults");
    }

    @Test
    void anAttemptElsewhereOrWithExpertpassOffGetsNothing() {
        RealmModel realm = realm(execution("auth-otp-form", null), null);
        assertTrue(
                ExpertpassPanelStart.stepConfig(realm, attemptOn("execution-1")).isEmpty(), "another step");
        assertTrue(
                ExpertpassPanelStart.stepConfig(realm, attemptOn(null)).isEmpty(), "an attempt with no page sent yet");
        AuthenticatorConfigModel off = new AuthenticatorConfigModel();
        off.setConfig(Map.of(ExpertpassLoginConfig.ENABLED, "false"));
        assertTrue(
                ExpertpassPanelStart.stepConfig(
                                realm(execution(ExpertpassLoginFormFactory.PROVIDER_ID, "config-1"), off),
                                attemptOn("execution-1"))
                        .isEmpty(),
                "Expertpass switched off on the step");
    }

    private static AuthenticationExecutionModel execution(String authenticator, String configId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setId("execution-1");
        execution.setAuthenticator(authenticator);
        execution.setAuthenticatorConfig(configId);
        return execution;
    }

    private static RealmModel realm(AuthenticationExecutionModel execution, AuthenticatorConfigModel config) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getAuthenticationExecutionById", execution);
        answers.put("getAuthenticatorConfigById", config);
        return proxy(RealmModel.class, answers);
    }

    private static AuthenticationSessionModel attemptOn(String executionId) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getAuthNote", executionId);
        AuthenticationSessionModel attempt = proxy(AuthenticationSessionModel.class, answers);
        assertEquals(executionId, attempt.getAuthNote(AuthenticationProcessor.CURRENT_AUTHENTICATION_EXECUTION));
        return attempt;
    }
}
