package fr.ordre.comptexpert.expertpass;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Expertpass phones as Keycloak credentials: listed in the account console ("Signing in", passwordless),
 * removable there and by an admin; several per user. Verification is not a password-style check: it is the
 * signed approval handled by {@link ExpertpassAppApi}.
 */
final class ExpertpassCredentialProvider implements CredentialProvider<ExpertpassCredentialModel> {

    private final KeycloakSession session;

    ExpertpassCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return ExpertpassCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, ExpertpassCredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public ExpertpassCredentialModel getCredentialFromModel(CredentialModel model) {
        return ExpertpassCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.PASSWORDLESS)
                .displayName("ordreExpertpassCredentialName")
                .helpText("ordreExpertpassCredentialHelp")
                .iconCssClass("kcAuthenticatorWebAuthnPasswordlessClass")
                .createAction(ExpertpassEnrolActionFactory.PROVIDER_ID)
                .removeable(true)
                .build(session);
    }

    @Override
    public CredentialMetadata getCredentialMetadata(ExpertpassCredentialModel credential, CredentialTypeMetadata type) {
        CredentialMetadata metadata = new CredentialMetadata();
        metadata.setCredentialModel(credential);
        return metadata;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }
}
