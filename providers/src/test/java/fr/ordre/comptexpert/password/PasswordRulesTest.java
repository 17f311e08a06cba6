package fr.ordre.comptexpert.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void theRealmPolicyReadsAsRulesInReadingOrderWithTheirCounts() {
        Map<String, Object> policy = Map.of(
                "passwordHistory",
                3,
                "specialChars",
                1,
                "length",
                12,
                "maxLength",
                128,
                "upperCase",
                1,
                "notUsername",
                "undefined",
                "hashIterations",
                5);
        List<PasswordRules.Rule> rules = PasswordRules.of(policy.keySet(), policy::get);
        assertEquals(
                List.of(
                        new PasswordRules.Rule("ordrePasswordRuleLength", 12, "length"),
                        new PasswordRules.Rule("ordrePasswordRuleUpperCase", 1, "upperCase"),
                        new PasswordRules.Rule("ordrePasswordRuleSpecialChars", 1, "specialChars"),
                        new PasswordRules.Rule("ordrePasswordRuleNotUsername", 0, "notUsername"),
                        new PasswordRules.Rule("ordrePasswordRuleHistory", 3, "")),
                rules,
                "a 128-character ceiling and the hashing settings are not rules a person needs to read");
    }

    @Test
    void aLowCeilingIsShownAndNoPolicyMeansNoRules() {
        Map<String, Object> policy = Map.of("maxLength", 20);
        assertEquals(
                List.of(new PasswordRules.Rule("ordrePasswordRuleMaxLength", 20, "maxLength")),
                PasswordRules.of(policy.keySet(), policy::get));
        assertEquals(List.of(), PasswordRules.of(null));
    }
}
