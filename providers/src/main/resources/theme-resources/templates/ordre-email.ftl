<#--
  Functions shared by the html/ and text/ Comptexpert emails (no output of its own).
  Import it as <#import "/ordre-email.ftl" as ordre>: "/" is the root of the email templates (the email theme's,
  then the providers' theme-resources, where this file lives).
-->

<#-- "Bonjour Marie Dupont," or "Bonjour," when the names are missing. -->
<#function greeting firstName="" lastName="">
  <#local name = (firstName + " " + lastName)?trim>
  <#if name?has_content><#return msg("ordreEmailGreetingName", name)></#if>
  <#return msg("ordreEmailGreeting")>
</#function>

<#--
  How long a link lasts, in words ("30 minutes", "1 jour"). Keycloak's own emails receive
  linkExpirationFormatter; a provider calling EmailTemplateProvider.send() directly may not set
  it, hence the fallback, which uses the same unit keys from base.
-->
<#function validity minutes>
  <#if linkExpirationFormatter??><#return linkExpirationFormatter(minutes)></#if>
  <#if minutes % 1440 == 0><#local n = minutes / 1440 unit = "days">
  <#elseif minutes % 60 == 0><#local n = minutes / 60 unit = "hours">
  <#else><#local n = minutes unit = "minutes">
  </#if>
  <#return n?c + " " + msg("linkExpirationFormatter.timePeriodUnit." + unit, n)>
</#function>

<#--
  The realm's public URL. url.loginUrl is <base>/realms/<realm>/login-actions/authenticate,
  absolute and built on the request's frontend URL, so it suits emails. url is missing when an
  email is sent outside a request (a scheduled task): then "" and no link is shown.
-->
<#function realmUrl>
  <#return (url.loginUrl?keep_before_last("/login-actions/"))!"">
</#function>

<#-- The "Aide complète" page served by our provider. -->
<#function helpUrl>
  <#local realmBase = realmUrl()>
  <#return realmBase?has_content?then(realmBase + "/comptexpert/aide", "")>
</#function>

<#-- Keycloak's account console, where a user removes a device or changes the password. -->
<#function accountUrl>
  <#local realmBase = realmUrl()>
  <#return realmBase?has_content?then(realmBase + "/account", "")>
</#function>
