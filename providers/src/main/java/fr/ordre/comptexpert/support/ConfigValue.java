package fr.ordre.comptexpert.support;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads one setting typed by an admin (authenticator config, realm attribute, SPI option): a value that is
 * absent, blank, not a number or outside what the setting allows gives the setting's default, never an error,
 * so a typo in the console cannot break sign-in. Surrounding spaces are ignored.
 */
public final class ConfigValue {

    private ConfigValue() {}

    /** The {@code int} written in {@code value}; empty when it is null, blank or not an {@code int}. */
    public static OptionalInt parseInt(String value) {
        OptionalLong parsed = parseLong(value);
        return parsed.isPresent() && parsed.getAsLong() == (int) parsed.getAsLong()
                ? OptionalInt.of((int) parsed.getAsLong())
                : OptionalInt.empty();
    }

    /** The {@code long} written in {@code value}; empty when it is null, blank or not a {@code long}. */
    public static OptionalLong parseLong(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The value when it is an {@code int} from {@code min} to {@code max}, otherwise {@code fallback}. */
    public static int intBetween(String value, int min, int max, int fallback) {
        OptionalInt parsed = parseInt(value);
        return parsed.isPresent() && parsed.getAsInt() >= min && parsed.getAsInt() <= max
                ? parsed.getAsInt()
                : fallback;
    }

    /** The value when it is an {@code int} above zero, otherwise {@code fallback}. */
    public static int positiveInt(String value, int fallback) {
        return intBetween(value, 1, Integer.MAX_VALUE, fallback);
    }

    /** The value when it is an {@code int} above zero, lowered to {@code max} when above it; otherwise {@code fallback}. */
    public static int positiveIntAtMost(String value, int max, int fallback) {
        OptionalInt parsed = parseInt(value);
        return parsed.isPresent() && parsed.getAsInt() > 0 ? Math.min(parsed.getAsInt(), max) : fallback;
    }

    /** {@code fallback} when the value is null or blank; otherwise true exactly when it says "true" (any case). */
    public static boolean bool(String value, boolean fallback) {
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }
}
