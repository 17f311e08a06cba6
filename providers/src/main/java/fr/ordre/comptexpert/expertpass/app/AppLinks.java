package fr.ordre.comptexpert.expertpass.app;

import fr.ordre.comptexpert.support.RealmPath;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Where a member gets Expertpass: the web app this server serves and, where the Ordre publishes a native app, its
 * store pages (realm attributes {@value #APP_STORE_ATTRIBUTE} and {@value #PLAY_STORE_ATTRIBUTE}, https only). Given
 * to the help page, the enrolment page, the login panel and the "appareil ajouté" email as {@code ordreExpertpassApp}.
 */
public final class AppLinks {

    public static final String ATTRIBUTE = "ordreExpertpassApp";
    public static final String APP_STORE_ATTRIBUTE = "ordreExpertpassAppStoreUrl";
    public static final String PLAY_STORE_ATTRIBUTE = "ordreExpertpassPlayStoreUrl";

    private final String app;
    private final String appStore;
    private final String playStore;

    // A class, not a record: FreeMarker would read ordreExpertpassApp.app as the record's accessor method.
    private AppLinks(String app, String appStore, String playStore) {
        this.app = app;
        this.appStore = appStore;
        this.playStore = playStore;
    }

    public static AppLinks of(KeycloakSession session, RealmModel realm) {
        String app = RealmPath.realmBase(session, realm) + "/comptexpert/app/";
        return new AppLinks(
                app,
                storeUrl(realm.getAttribute(APP_STORE_ATTRIBUTE)),
                storeUrl(realm.getAttribute(PLAY_STORE_ATTRIBUTE)));
    }

    /** An absolute https address, or nothing: an attribute mistyped by an admin shows no link rather than a broken one. */
    static String storeUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            return "https".equals(uri.getScheme()) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** For the templates: {@code ordreExpertpassApp.app}, {@code .appStore}, {@code .playStore}. */
    public String getApp() {
        return app;
    }

    public String getAppStore() {
        return appStore;
    }

    public String getPlayStore() {
        return playStore;
    }

    /** What the store links add to a cached block's key (the login panel's slot): one string, made here. */
    public String getCacheKey() {
        return appStore == null && playStore == null ? "" : appStore + "\n" + playStore;
    }

    public boolean isStores() {
        return appStore != null || playStore != null;
    }
}
