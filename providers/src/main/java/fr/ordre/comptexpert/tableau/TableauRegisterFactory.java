package fr.ordre.comptexpert.tableau;

import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link TableauRegister} source; choose one with {@code --spi-ordre-tableau-register--provider=<id>}. */
public interface TableauRegisterFactory extends ProviderFactory<TableauRegister> {}
