package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserAgentSummaryTest {

    @Test
    void commonBrowsersAndSystems() {
        String edge =
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";
        assertEquals("Edge", UserAgentSummary.browser(edge));
        assertEquals("Windows", UserAgentSummary.os(edge));
        String safari =
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assertEquals("Safari", UserAgentSummary.browser(safari));
        assertEquals("iOS", UserAgentSummary.os(safari));
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assertEquals("Firefox", UserAgentSummary.browser(firefox));
        assertEquals("Linux", UserAgentSummary.os(firefox));
        assertEquals("?", UserAgentSummary.browser(null));
    }
}
