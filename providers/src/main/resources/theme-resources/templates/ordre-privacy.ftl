<#--
  The privacy notice (RGPD), rendered by our provider with LoginFormsProvider.createForm("ordre-privacy.ftl"):
  realm, url, locale and msg are set, no client nor authentication session. ordreContactEmail (may be empty)
  and ordreEventsDays (0: no expiry) come from the realm. Every text is a message key (ordrePrivacy*).
-->
<#import "template.ftl" as layout>
<#global title = msg("ordrePrivacyTitle")>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        ${msg("ordrePrivacyTitle")}
    <#elseif section = "form">
        <div id="ordre-privacy" class="ordre-help ordre-privacy">
            <p class="ordre-help__lead">${msg("ordrePrivacyLead")}</p>

            <section aria-labelledby="ordre-privacy-what">
                <h2 id="ordre-privacy-what">${msg("ordrePrivacyWhatTitle")}</h2>
                <ul>
                    <li>${msg("ordrePrivacyWhatAccount")}</li>
                    <li>${msg("ordrePrivacyWhatTableau")}</li>
                    <li>${msg("ordrePrivacyWhatSecrets")}</li>
                    <li>${msg("ordrePrivacyWhatEvents")}</li>
                </ul>
            </section>

            <section aria-labelledby="ordre-privacy-why">
                <h2 id="ordre-privacy-why">${msg("ordrePrivacyWhyTitle")}</h2>
                <p>${msg("ordrePrivacyWhyText")}</p>
                <p>${msg("ordrePrivacyWhyBirthDate")}</p>
            </section>

            <section aria-labelledby="ordre-privacy-how-long">
                <h2 id="ordre-privacy-how-long">${msg("ordrePrivacyHowLongTitle")}</h2>
                <ul>
                    <li>${msg("ordrePrivacyHowLongAccount")}</li>
                    <#if (ordreEventsDays!0) gt 0>
                    <li>${msg("ordrePrivacyHowLongEvents", ordreEventsDays?c)}</li>
                    <#else>
                    <li>${msg("ordrePrivacyHowLongEventsKept")}</li>
                    </#if>
                    <li>${msg("ordrePrivacyHowLongDeleted")}</li>
                </ul>
            </section>

            <section aria-labelledby="ordre-privacy-who">
                <h2 id="ordre-privacy-who">${msg("ordrePrivacyWhoTitle")}</h2>
                <p>${msg("ordrePrivacyWhoServices")}</p>
                <p>${msg("ordrePrivacyWhoStaff")}</p>
            </section>

            <section aria-labelledby="ordre-privacy-rights">
                <h2 id="ordre-privacy-rights">${msg("ordrePrivacyRightsTitle")}</h2>
                <p>${msg("ordrePrivacyRightsText")}</p>
                <ul>
                    <li>${msg("ordrePrivacyRightsConsole")}</li>
                    <li>${msg("ordrePrivacyRightsTableau")}</li>
                    <li>${msg("ordrePrivacyRightsCnil")}</li>
                </ul>
            </section>

            <section aria-labelledby="ordre-privacy-contact">
                <h2 id="ordre-privacy-contact">${msg("ordrePrivacyContactTitle")}</h2>
                <#if ordreContactEmail?has_content>
                <p>${msg("ordrePrivacyContactText")} <a id="ordre-privacy-contact-email" href="mailto:${ordreContactEmail}">${ordreContactEmail}</a></p>
                <#else>
                <p>${msg("ordrePrivacyContactConseil")}</p>
                </#if>
            </section>
        </div>
    </#if>
</@layout.registrationLayout>
