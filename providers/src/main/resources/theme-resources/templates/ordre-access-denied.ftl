<#import "template.ftl" as layout>
<#-- Access by profile: the service is not open to the user's profile (403). ordreAccess: AccessDeniedPage.Model. -->
<@layout.registrationLayout displayMessage=false; section>
<#if section = "header">
  ${msg("ordreAccessDeniedTitle")}
<#elseif section = "form">
  <div id="ordre-access-denied" class="ordre-prose" data-service="${ordreAccess.service}">
    <#if ordreAccess.notOnRegister>
      <p id="ordre-access-reason">${msg("ordreAccessNotOnRegister", ordreAccess.service, ordreAccess.serviceTo)}</p>
    <#else>
      <p id="ordre-access-reason">${msg("ordreAccessProfileNotAllowed", ordreAccess.service, ordreAccess.serviceTo)}</p>
    </#if>
    <#if ordreAccess.allowedProfiles?has_content>
      <h2 class="ordre-access-subtitle">${msg("ordreAccessAllowedProfiles", ordreAccess.service, ordreAccess.serviceTo)}</h2>
      <ul id="ordre-access-allowed">
        <#list ordreAccess.allowedProfiles as label><li>${label}</li></#list>
      </ul>
    </#if>
    <p id="ordre-access-current">
      <#if ordreAccess.currentProfile??>${msg("ordreAccessCurrentProfile", ordreAccess.currentProfile)}<#else>${msg("ordreAccessNoProfile")}</#if>
    </p>
    <h2 class="ordre-access-subtitle">${msg("ordreAccessChangeTitle")}</h2>
    <p id="ordre-access-change">${msg("ordreAccessChangeOnline")}</p>
    <#if ordreAccess.notOnRegister><p>${msg("ordreAccessChangeRegister")}</p></#if>
    <ul class="ordre-access-links">
      <#if url.loginUrl??><li><a id="ordre-access-profile" href="${url.loginUrl?keep_before_last("/login-actions/")}/comptexpert/profil">${msg("ordreAccessChangeLink")}</a></li></#if>
      <#if url.loginUrl??><li><a id="ordre-access-help" href="${url.loginUrl?keep_before_last("/login-actions/")}/comptexpert/aide">${msg("ordreAccessHelp")}</a></li></#if>
      <#if ordreAccess.serviceUrl??><li><a id="ordre-access-back" href="${ordreAccess.serviceUrl}">${msg("ordreAccessBack", ordreAccess.service, ordreAccess.serviceTo)}</a></li></#if>
    </ul>
  </div>
</#if>
</@layout.registrationLayout>
