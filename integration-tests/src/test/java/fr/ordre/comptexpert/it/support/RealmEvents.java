package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/** Keycloak's stored events of the realm "ordre", as the admin console lists them. */
public final class RealmEvents {

    private RealmEvents() {}

    /** The latest events of one type, newest first (optionally for one user). */
    public static JsonNode of(TestEnvironment.Env env, String type, String userId) {
        return env.admin()
                .get("/admin/realms/ordre/events?type=" + type + "&max=50" + (userId == null ? "" : "&user=" + userId));
    }

    /** Waits up to 5 s for an event of that type and user with that error (null: a success). */
    public static void await(TestEnvironment.Env env, String type, String userId, String error) {
        await(env, type, userId, error, null, null);
    }

    /** The same, for an event that also has detail {@code name} = {@code value} (none asked when name is null). */
    public static void await(
            TestEnvironment.Env env, String type, String userId, String error, String name, String value) {
        long deadline = System.currentTimeMillis() + 5000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = of(env, type, userId);
            for (JsonNode event : last) {
                if ((error == null
                                ? !event.hasNonNull("error")
                                : error.equals(event.path("error").asText()))
                        && (name == null
                                || value.equals(event.path("details").path(name).asText()))) {
                    return;
                }
            }
            pause(200);
        }
        throw new AssertionError("No " + type + " event with error " + error
                + (name == null ? "" : " and " + name + "=" + value) + " for user " + userId + " in " + last);
    }

    /** A pause between two polls of a condition. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
