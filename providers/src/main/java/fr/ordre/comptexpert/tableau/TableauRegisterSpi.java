package fr.ordre.comptexpert.tableau;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Declares the "ordre-tableau-register" SPI so that deployments can provide their own register source. */
public final class TableauRegisterSpi implements Spi {

    public static final String SPI_NAME = "ordre-tableau-register";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return SPI_NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return TableauRegister.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return TableauRegisterFactory.class;
    }
}
