package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.app.AppLinks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The last step of an enrolment: the person confirmed, in the browser that shows the QR, the phone that posted its key
 * ("Activer « iPhone de Marie » ?"). Only then is the credential made, the "device added" email sent and the
 * UPDATE_CREDENTIAL event recorded. Whoever else saw the QR can post a key, but not answer that question.
 */
final class ExpertpassActivation {

    /** How long a posted key waits for the browser's answer. */
    static final int CONFIRM_SECONDS = 120;

    /** What the confirmation led to. */
    enum Outcome {
        ENROLLED,
        DEVICE_LIMIT,
        INELIGIBLE
    }

    private static final Logger LOG = Logger.getLogger(ExpertpassActivation.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ExpertpassActivation() {}

    /**
     * Enrols the confirmed key of {@code enrolment} (status confirming, its answer taken) for {@code user}. The limits
     * are checked again: another enrolment may have been confirmed in the meantime. {@code event} is an
     * UPDATE_CREDENTIAL event for the user; it is recorded here, success or error.
     */
    static Outcome activate(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            ExpertpassStore store,
            ExpertpassEntry.Enrolment enrolment,
            EventBuilder event) {
        String deviceName = enrolment.deviceName();
        event.user(user)
                .detail("credential_type", ExpertpassCredentialModel.TYPE)
                .detail("device_name", deviceName);
        if (!user.isEnabled() || !ExpertpassEligibility.eligible(session, realm, user)) {
            store.update(enrolment.with(ExpertpassStatus.REFUSED));
            event.event(EventType.UPDATE_CREDENTIAL_ERROR).error(ExpertpassEvents.INELIGIBLE);
            return Outcome.INELIGIBLE;
        }
        if (EnrolledDevice.limitReached(realm, user)) {
            store.update(enrolment.with(ExpertpassStatus.CANCELLED));
            event.event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .detail(ExpertpassEvents.DETAIL, "device-limit")
                    .detail("max_devices", Integer.toString(EnrolledDevice.maxPerUser(realm)))
                    .error(ExpertpassEvents.DEVICE_LIMIT);
            return Outcome.DEVICE_LIMIT;
        }
        CredentialModel credential = user.credentialManager()
                .createStoredCredential(ExpertpassCredentialModel.create(
                        deviceName, enrolment.publicKey(), System.currentTimeMillis()));
        store.update(enrolment.done(credential.getId()));
        event.event(EventType.UPDATE_CREDENTIAL)
                .detail("credential_id", credential.getId())
                .detail(ExpertpassEvents.DETAIL, "enrolled")
                .success();
        sendDeviceAdded(session, realm, user, deviceName);
        LOG.infof(
                "Expertpass device '%s' enrolled for user %s in realm %s (confirmed in the browser)",
                deviceName, user.getUsername(), realm.getName());
        return Outcome.ENROLLED;
    }

    private static void sendDeviceAdded(KeycloakSession session, RealmModel realm, UserModel user, String deviceName) {
        if (user.getEmail() == null) {
            return;
        }
        Locale locale = session.getContext().resolveLocale(user);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("deviceName", deviceName);
        attributes.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put(
                "time",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(Instant.now().atZone(PARIS)));
        attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        attributes.put("appUrl", AppLinks.of(session, realm).getApp());
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send("ordreExpertpassDeviceAddedSubject", "ordre-expertpass-device-added.ftl", attributes);
        } catch (EmailException e) {
            // The device is enrolled; the warning email is best effort and the event records the enrolment.
            LOG.warnf(e, "Expertpass: could not send the 'device added' email to user %s", user.getUsername());
        }
    }
}
