package fr.ordre.comptexpert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RealmPathTest {

    @Test
    void aNameThatNeedsNoEscapingIsKeptAsItIs() {
        String name = "ordre-Experts_2026.fr~";
        assertSame(name, RealmPath.segment(name));
    }

    @Test
    void anyOtherNameIsPercentEncodedAsURLEncoderWouldWithSpacesAsPercent20() {
        for (String name : new String[] {"ordre des experts", "é/à?#", "a+b", "%20"}) {
            assertEquals(
                    URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), RealmPath.segment(name), name);
        }
        assertEquals("ordre%20des%20experts", RealmPath.segment("ordre des experts"));
    }
}
