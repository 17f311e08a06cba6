<#-- ordre: keycloak.v2's template.ftl calls this macro at the bottom of every page's card. -->
<#macro content>
<#--
  The help page is served by our provider at <realm URL>/comptexpert/aide. url.loginUrl is
  Keycloak's <base>/realms/<realm>/login-actions/authenticate, built with the request's frontend
  URL (host, context path) and an encoded realm name; cutting it before "/login-actions/" gives
  the realm URL. No realm (no url either): no link. On the help page itself: no self-link.
  The privacy notice (<realm URL>/comptexpert/confidentialite) is linked the same way.
-->
<#local helpUrl = "">
<#local privacyUrl = "">
<#if realm?? && url??>
  <#local realmUrl = url.loginUrl?keep_before_last("/login-actions/")>
  <#if (pageId!"") != "ordre-help">
    <#local helpUrl = realmUrl + "/comptexpert/aide">
    <#-- A page of a sign-in in progress: the help page offers the way back to it (the flow's restart URL). -->
    <#if client?? && authenticationSession??>
      <#local helpUrl = helpUrl + "?back=" + url.loginRestartFlowUrl?url("UTF-8")>
    </#if>
  </#if>
  <#if (pageId!"") != "ordre-privacy"><#local privacyUrl = realmUrl + "/comptexpert/confidentialite"></#if>
</#if>
<#local siteUrl = properties.ordreSiteUrl!"">
<div class="ordre-footer">
  <#if helpUrl?has_content || privacyUrl?has_content || siteUrl?has_content>
  <nav aria-label="${msg("ordreFooterNavLabel")}">
    <ul class="ordre-footer__links">
      <#if helpUrl?has_content><li><a id="ordre-help-link" href="${helpUrl}">${msg("ordreHelpLink")}</a></li></#if>
      <#if privacyUrl?has_content><li><a id="ordre-privacy-link" href="${privacyUrl}">${msg("ordrePrivacyLink")}</a></li></#if>
      <#if siteUrl?has_content><li><a href="${siteUrl}">${msg("ordreSiteLink")}</a></li></#if>
    </ul>
  </nav>
  </#if>
  <p class="ordre-footer__brand">${msg("ordreFooterBrand")}</p>
</div>
</#macro>
