package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.util.Map;

/** Sets (and removes) the config of the Expertpass sign-in step of flow "ordre browser forms", for one test. */
final class ExpertpassFlowConfig {

    private ExpertpassFlowConfig() {}

    static String executionId(TestEnvironment.Env env) {
        for (JsonNode execution :
                env.admin().get(Expertpass.REALM + "/authentication/flows/ordre%20browser%20forms/executions")) {
            if ("ordre-expertpass-password-form"
                    .equals(execution.path("providerId").asText())) {
                return execution.get("id").asText();
            }
        }
        throw new AssertionError("No ordre-expertpass-password-form in flow 'ordre browser forms'");
    }

    static String set(TestEnvironment.Env env, Map<String, String> config) {
        HttpResponse<String> created = env.admin()
                .post(
                        Expertpass.REALM + "/authentication/executions/" + executionId(env) + "/config",
                        Map.of("alias", "expertpass-it-" + System.nanoTime(), "config", config));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void remove(TestEnvironment.Env env, String configId) {
        env.admin().delete(Expertpass.REALM + "/authentication/config/" + configId);
    }
}
