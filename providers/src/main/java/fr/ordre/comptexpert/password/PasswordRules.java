package fr.ordre.comptexpert.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.models.PasswordPolicy;

/**
 * The realm's password policy as rules a person can read before typing. {@code check} names the rule the
 * page's script can test as the person types (ordre-password.js); rules without one (the history, say) are
 * shown and checked on the server only. The server checks every rule anyway: the policy is the authority.
 */
public final class PasswordRules {

    /** One line of the list: its message key, its count (0 when it has none) and the script's check. */
    public record Rule(String messageKey, int count, String check) {}

    // Policy id, message key, script check; in the order a person reads them.
    private static final String[][] KNOWN = {
        {"length", "ordrePasswordRuleLength", "length"},
        {"maxLength", "ordrePasswordRuleMaxLength", "maxLength"},
        {"upperCase", "ordrePasswordRuleUpperCase", "upperCase"},
        {"lowerCase", "ordrePasswordRuleLowerCase", "lowerCase"},
        {"digits", "ordrePasswordRuleDigits", "digits"},
        {"specialChars", "ordrePasswordRuleSpecialChars", "specialChars"},
        {"notUsername", "ordrePasswordRuleNotUsername", "notUsername"},
        {"notEmail", "ordrePasswordRuleNotEmail", ""},
        {"passwordHistory", "ordrePasswordRuleHistory", ""},
    };

    private PasswordRules() {}

    public static List<Rule> of(PasswordPolicy policy) {
        return policy == null ? List.of() : of(policy.getPolicies(), policy::getPolicyConfig);
    }

    static List<Rule> of(Set<String> policies, Function<String, Object> config) {
        List<Rule> rules = new ArrayList<>();
        for (String[] known : KNOWN) {
            if (policies.contains(known[0])) {
                Object value = config.apply(known[0]);
                int count = value instanceof Number n ? n.intValue() : 0;
                if ("maxLength".equals(known[0]) && count >= 64) {
                    continue; // a ceiling nobody reaches by hand is noise in the list; the server still applies it
                }
                rules.add(new Rule(known[1], count, known[2]));
            }
        }
        return rules;
    }
}
