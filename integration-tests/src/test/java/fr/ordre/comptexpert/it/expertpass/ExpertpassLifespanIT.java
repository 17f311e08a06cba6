package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's lifespans in the server's own Infinispan (the unit tests use a fake): a challenge nobody decided, and
 * one replaced by a rotation, are kept for their validity plus the grace period and then are gone. Infinispan's
 * replace once made rotated challenges immortal; here that would be a challenge never gone. The page's wait
 * endpoint tells the states apart: "pending" (valid), "expired" (kept after its validity), "gone" (removed).
 */
@ExtendWith(TestEnvironment.class)
class ExpertpassLifespanIT {

    /** ExpertpassEntry.PENDING_GRACE_SECONDS, which this test checks from outside. */
    static final int GRACE_SECONDS = 60;

    static final int LIFESPAN_SECONDS = 5;
    /** Leeway for a loaded machine: the request's own time, Infinispan's clock, the poll interval. */
    static final int SLACK_SECONDS = 15;

    @Test
    void undecidedAndRotatedChallengesAreGoneAfterTheirValidityAndTheGracePeriod(TestEnvironment.Env env) {
        String configId =
                ExpertpassFlowConfig.set(env, Map.of("challenge-lifespan-seconds", Integer.toString(LIFESPAN_SECONDS)));
        try {
            long created = System.nanoTime();
            FormClient first = new FormClient();
            FormClient second = new FormClient();
            HttpExpertpass.Panel untouched = HttpExpertpass.panel(first, first.get(loginUrl(env)));
            HttpExpertpass.Panel rotated = HttpExpertpass.panel(second, second.get(loginUrl(env)));

            // Rotating makes a new challenge and records the old one as rotated, with a put and a lifespan.
            var answer = HttpExpertpass.json(
                    HttpExpertpass.post(rotated.api() + "/browser/rotate", "{\"watch\":\"" + rotated.watch() + "\"}")
                            .body());
            assertEquals("pending", answer.get("status").asText(), answer.toString());
            long rotatedAt = System.nanoTime();

            double untouchedGone = secondsUntilGone(untouched, created);
            double rotatedGone = secondsUntilGone(rotated, created);
            double expectedUntouched = LIFESPAN_SECONDS + GRACE_SECONDS;
            double expectedRotated = Math.max(LIFESPAN_SECONDS, (rotatedAt - created) / 1e9) + GRACE_SECONDS;
            assertTrue(
                    untouchedGone >= expectedUntouched - 2 && untouchedGone <= expectedUntouched + SLACK_SECONDS,
                    "an undecided challenge is kept " + expectedUntouched + " s, then removed; gone after "
                            + untouchedGone + " s");
            assertTrue(
                    rotatedGone >= expectedRotated - 2 && rotatedGone <= expectedRotated + SLACK_SECONDS,
                    "a rotated challenge is kept " + expectedRotated + " s, then removed; gone after " + rotatedGone
                            + " s");
        } finally {
            ExpertpassFlowConfig.remove(env, configId);
        }
    }

    private static String loginUrl(TestEnvironment.Env env) {
        return env.demoClient().authorize(env.demoApp().redirectUri()).url();
    }

    private static String status(HttpExpertpass.Panel panel) {
        return HttpExpertpass.await(panel.api(), panel.watch());
    }

    /** Polls the page's wait endpoint until the entry is gone; seconds since {@code since}. */
    private static double secondsUntilGone(HttpExpertpass.Panel panel, long since) {
        long deadline = since + (long) ((LIFESPAN_SECONDS + GRACE_SECONDS + 3 * SLACK_SECONDS) * 1e9);
        while (System.nanoTime() < deadline) {
            String status = status(panel);
            if ("gone".equals(status)) {
                return (System.nanoTime() - since) / 1e9;
            }
            assertTrue(status.equals("pending") || status.equals("expired") || status.equals("rotated"), status);
            Expertpass.sleep(1000);
        }
        throw new AssertionError("still in the store after " + (LIFESPAN_SECONDS + GRACE_SECONDS + 3 * SLACK_SECONDS)
                + " s: a challenge without a lifespan");
    }
}
