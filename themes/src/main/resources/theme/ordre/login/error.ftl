<#-- ordre: base error.ftl (Keycloak 26.7.3) with one change, marked "ordre:": every error page offers a way
     forward, the sign-in page (through the account console, which asks to sign in), where "Identifiant ou mot
     de passe oublié" sends a new link when the one used has expired or already served. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#-- ordre: -->
            <#if url?? && url.loginUrl?has_content>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <a id="ordre-error-signin" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                   href="${url.loginUrl?keep_before_last("/login-actions/")}/account/">${msg("ordreErrorSignIn")}</a>
            </div>
            </#if>
            <#if skipLink??>
            <#else>
                <#if client?? && client.baseUrl?has_content>
                    <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
