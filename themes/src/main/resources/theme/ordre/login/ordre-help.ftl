<#--
  "Aide complète": rendered by our provider with LoginFormsProvider.createForm("ordre-help.ftl"),
  so realm, url, locale and msg are set but there is no client nor authentication session.
  Every text is a message key (ordreHelp*), French first, from the Comptexpert FAQ.
-->
<#import "template.ftl" as layout>
<#-- The page's <title> (Keycloak sets "loginTitle", meant for sign-in pages); global so the layout sees it. -->
<#global title = msg("ordreHelpTitle")>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        ${msg("ordreHelpTitle")}
    <#elseif section = "form">
        <div id="ordre-help" class="ordre-help">
            <#-- The way back: to the sign-in the person left (HelpPage checks it), else to the sign-in page. -->
            <#assign backUrl = ordreHelpBack!(url.loginUrl?keep_before_last("/login-actions/") + "/account/")>
            <p class="ordre-help__back"><a id="ordre-help-back" href="${backUrl}">${msg("ordreHelpBack")}</a></p>
            <p class="ordre-help__lead">${msg("ordreHelpLead")}</p>

            <nav class="ordre-help__toc" aria-labelledby="ordre-help-toc-title">
                <h2 id="ordre-help-toc-title" class="ordre-help__toc-title">${msg("ordreHelpTocTitle")}</h2>
                <ul>
                    <li><a href="#ordre-help-why">${msg("ordreHelpWhyTitle")}</a></li>
                    <li><a href="#ordre-help-who">${msg("ordreHelpWhoTitle")}</a></li>
                    <li><a href="#ordre-help-create">${msg("ordreHelpCreateTitle")}</a></li>
                    <li><a href="#ordre-help-forgot">${msg("ordreHelpForgotTitle")}</a></li>
                    <li><a href="#ordre-help-expertpass">${msg("ordreHelpExpertpassTitle")}</a></li>
                </ul>
            </nav>

            <section aria-labelledby="ordre-help-why">
                <h2 id="ordre-help-why">${msg("ordreHelpWhyTitle")}</h2>
                <p>${msg("ordreHelpWhyText")}</p>
                <p>${msg("ordreHelpWhySites")}</p>
            </section>

            <section aria-labelledby="ordre-help-who">
                <h2 id="ordre-help-who">${msg("ordreHelpWhoTitle")}</h2>
                <p>${msg("ordreHelpWhoText")}</p>
            </section>

            <section aria-labelledby="ordre-help-create">
                <h2 id="ordre-help-create">${msg("ordreHelpCreateTitle")}</h2>
                <ol>
                    <li>${msg("ordreHelpCreateStep1")}</li>
                    <li>${msg("ordreHelpCreateStep2")}</li>
                    <li>${msg("ordreHelpCreateStep3")}</li>
                    <li>${msg("ordreHelpCreateStep4")}</li>
                    <li>${msg("ordreHelpCreateStep5")}</li>
                </ol>
                <h3>${msg("ordreHelpPasswordRulesTitle")}</h3>
                <p>${msg("ordreHelpPasswordRulesText")}</p>
                <h3>${msg("ordreHelpOtherProfileTitle")}</h3>
                <p>${msg("ordreHelpOtherProfileText")}</p>
                <h3>${msg("ordreHelpNoEmailTitle")}</h3>
                <p>${msg("ordreHelpNoEmailText")}</p>
            </section>

            <section aria-labelledby="ordre-help-forgot">
                <h2 id="ordre-help-forgot">${msg("ordreHelpForgotTitle")}</h2>
                <p>${msg("ordreHelpForgotText")}</p>
                <p>${msg("ordreHelpForgotNoPassword")}</p>
            </section>

            <section aria-labelledby="ordre-help-expertpass">
                <h2 id="ordre-help-expertpass">${msg("ordreHelpExpertpassTitle")}</h2>
                <p>${msg("ordreHelpExpertpassText")}</p>
                <h3>${msg("ordreHelpExpertpassWhoTitle")}</h3>
                <p>${msg("ordreHelpExpertpassWhoText")}</p>
                <h3>${msg("ordreHelpExpertpassActivateTitle")}</h3>
                <ol>
                    <li>${msg("ordreHelpExpertpassActivateStep1")}<#-- Shipped by the providers JAR, with the attribute. --><#if ordreExpertpassApp??><#include "ordre-expertpass-get-app.ftl"></#if></li>
                    <li>${msg("ordreHelpExpertpassActivateStep2")}</li>
                    <li>${msg("ordreHelpExpertpassActivateStep3")}</li>
                </ol>
                <h3>${msg("ordreHelpExpertpassQrTitle")}</h3>
                <p>${msg("ordreHelpExpertpassQrText")}</p>
                <h3>${msg("ordreHelpExpertpassCardTitle")}</h3>
                <p>${msg("ordreHelpExpertpassCardText")}</p>
            </section>
            <p class="ordre-help__back"><a href="${backUrl}">${msg("ordreHelpBack")}</a></p>
        </div>
    </#if>
</@layout.registrationLayout>
