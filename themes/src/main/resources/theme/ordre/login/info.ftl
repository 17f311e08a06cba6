<#-- ordre: base info.ftl (Keycloak 26.7.3) with one change, marked "ordre:": after a set-password link opened
     in another browser (SetPasswordAction sets ordrePasswordSet), the page says the password is set and offers
     "Se connecter" (the service's home page, else the account console). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if ordrePasswordSet??>
            ${msg(ordrePasswordSet.replaced?then("ordrePasswordSetTitleNew", "ordrePasswordSetTitle"))}
        <#elseif messageHeader??>
            ${kcSanitize(msg("${messageHeader}"))?no_esc}
        <#else>
            ${message.summary}
        </#if>
    <#elseif section = "form">
    <#if ordrePasswordSet??>
    <div id="ordre-password-set" class="ordre-prose" role="status">
        <p>${msg("ordrePasswordSetBody")}</p>
    </div>
    <#if pageRedirectUri?has_content>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
        <a id="ordre-password-set-signin" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${pageRedirectUri}">${msg("ordrePasswordSetSignIn")}</a>
    </div>
    </#if>
    <#else>
    <div id="kc-info-message">
        <p class="instruction">${message.summary}<#if requiredActions??><#list requiredActions>: <b><#items as reqActionItem>${kcSanitize(msg("requiredAction.${reqActionItem}"))?no_esc}<#sep>, </#items></b></#list><#else></#if></p>
        <#if skipLink??>
        <#else>
            <#if pageRedirectUri?has_content>
                <p><a href="${pageRedirectUri}">${msg("backToApplication")}</a></p>
            <#elseif actionUri?has_content>
                <p><a href="${actionUri}">${msg("proceedWithAction")}</a></p>
            <#elseif (client.baseUrl)?has_content>
                <p><a href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </#if>
    </div>
    </#if>
    </#if>
</@layout.registrationLayout>
