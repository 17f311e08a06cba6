package fr.ordre.comptexpert.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.tableau.file.FileTableauRegisterFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.Spi;

class TableauRegisterSpiTest {

    @Test
    void spiIsDeclared() {
        Spi spi = ServiceLoader.load(Spi.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(s -> s instanceof TableauRegisterSpi)
                .findFirst()
                .orElseThrow();
        assertEquals("ordre-tableau-register", spi.getName());
        assertFalse(spi.isInternal());
        assertEquals(TableauRegister.class, spi.getProviderClass());
        assertEquals(TableauRegisterFactory.class, spi.getProviderFactoryClass());
    }

    @Test
    void fileFactoryIsRegistered() {
        assertTrue(ServiceLoader.load(TableauRegisterFactory.class).stream()
                .anyMatch(p -> p.type() == FileTableauRegisterFactory.class));
    }
}
