package fr.ordre.comptexpert.expertpass;

/** "Chrome on Windows": what the phone shows of the browser asking to sign in. Coarse on purpose. */
final class UserAgentSummary {

    private UserAgentSummary() {}

    static String browser(String ua) {
        if (ua == null) {
            return "?";
        }
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("Chromium/")) {
            return "Chromium";
        }
        if (ua.contains("Chrome/")) {
            return ua.contains("HeadlessChrome") ? "Chrome (headless)" : "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return "?";
    }

    static String os(String ua) {
        if (ua == null) {
            return "?";
        }
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return "?";
    }
}
