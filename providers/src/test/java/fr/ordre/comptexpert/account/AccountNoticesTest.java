package fr.ordre.comptexpert.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountNoticesTest {

    @Test
    void theNewAddressIsMaskedToItsFirstLetterAndDomain() {
        assertEquals("m…@exemple.fr", AccountNotices.mask("marie.dupont@exemple.fr"));
        assertEquals("a…@b.fr", AccountNotices.mask("a@b.fr"));
    }

    @Test
    void oddAddressesRevealNothing() {
        assertEquals("", AccountNotices.mask(null));
        assertEquals("…", AccountNotices.mask("no-at-sign"));
        assertEquals("…", AccountNotices.mask("@exemple.fr"));
    }
}
