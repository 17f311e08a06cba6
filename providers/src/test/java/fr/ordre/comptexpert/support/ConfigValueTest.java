package fr.ordre.comptexpert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigValueTest {

    @Test
    void numbersAreReadWithoutTheirSpaces() {
        assertEquals(OptionalInt.of(42), ConfigValue.parseInt(" 42 "));
        assertEquals(OptionalInt.of(-3), ConfigValue.parseInt("-3"));
        assertEquals(OptionalLong.of(9_999_999_999L), ConfigValue.parseLong("9999999999\t"));
    }

    @Test
    void absentBlankOrUnreadableIsEmpty() {
        for (String bad : new String[] {null, "", "   ", "ten", "1.5", "0x10", "9999999999"}) {
            assertEquals(OptionalInt.empty(), ConfigValue.parseInt(bad), String.valueOf(bad));
        }
        assertEquals(OptionalLong.empty(), ConfigValue.parseLong(null));
        assertEquals(OptionalLong.empty(), ConfigValue.parseLong(" "));
        assertEquals(OptionalLong.empty(), ConfigValue.parseLong("soon"));
        assertEquals(OptionalLong.empty(), ConfigValue.parseLong("99999999999999999999"));
    }

    @Test
    void intBetweenKeepsTheBoundsAndRejectsWhatIsOutside() {
        assertEquals(5, ConfigValue.intBetween("5", 5, 60, 30));
        assertEquals(60, ConfigValue.intBetween("60", 5, 60, 30));
        assertEquals(30, ConfigValue.intBetween("4", 5, 60, 30), "below: the default, not the bound");
        assertEquals(30, ConfigValue.intBetween("61", 5, 60, 30), "above: the default, not the bound");
        assertEquals(30, ConfigValue.intBetween(null, 5, 60, 30));
        assertEquals(30, ConfigValue.intBetween("x", 5, 60, 30));
    }

    @Test
    void positiveIntRejectsZeroAndNegatives() {
        assertEquals(1, ConfigValue.positiveInt("1", 7));
        assertEquals(Integer.MAX_VALUE, ConfigValue.positiveInt(String.valueOf(Integer.MAX_VALUE), 7));
        assertEquals(7, ConfigValue.positiveInt("0", 7));
        assertEquals(7, ConfigValue.positiveInt("-1", 7));
        assertEquals(7, ConfigValue.positiveInt("", 7));
    }

    @Test
    void positiveIntAtMostLowersWhatIsTooLargeButNotTheDefault() {
        assertEquals(100, ConfigValue.positiveIntAtMost("5000", 100, 10));
        assertEquals(100, ConfigValue.positiveIntAtMost("100", 100, 10));
        assertEquals(99, ConfigValue.positiveIntAtMost("99", 100, 10));
        assertEquals(10, ConfigValue.positiveIntAtMost("0", 100, 10));
        assertEquals(10, ConfigValue.positiveIntAtMost("99999999999", 100, 10), "not an int: the default");
        assertEquals(500, ConfigValue.positiveIntAtMost(null, 100, 500), "the default is the caller's, as given");
    }

    @Test
    void boolIsTheDefaultOnlyWhenNothingIsWritten() {
        assertTrue(ConfigValue.bool(null, true));
        assertTrue(ConfigValue.bool("  ", true));
        assertFalse(ConfigValue.bool(null, false));
        assertTrue(ConfigValue.bool(" TRUE ", false));
        assertFalse(ConfigValue.bool("false", true));
        assertFalse(ConfigValue.bool("yes", true), "anything but \"true\" is false, as Boolean.parseBoolean");
    }
}
