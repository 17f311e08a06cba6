package fr.ordre.comptexpert.expertpass.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AppLinksTest {

    @Test
    void onlyAbsoluteHttpsStoreAddressesAreShown() {
        assertEquals(
                "https://apps.apple.com/fr/app/expertpass/id1",
                AppLinks.storeUrl(" https://apps.apple.com/fr/app/expertpass/id1 "));
        assertNull(AppLinks.storeUrl(null));
        assertNull(AppLinks.storeUrl(""));
        assertNull(AppLinks.storeUrl("http://play.google.com/store"));
        assertNull(AppLinks.storeUrl("javascript:alert(1)"));
        assertNull(AppLinks.storeUrl("https:///no-host"));
        assertNull(AppLinks.storeUrl("https://bad host/"));
        assertNull(AppLinks.storeUrl("//play.google.com/store"));
    }
}
