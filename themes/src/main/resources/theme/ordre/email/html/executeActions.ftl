<#-- Keycloak's "update your account" email (required actions set by an administrator), in Comptexpert's words. -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#outputformat "plainText">
<#assign requiredActionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
</#outputformat>
<@layout.emailLayout>
<@layout.p>${ordre.greeting((user.firstName)!"", (user.lastName)!"")}</@layout.p>
<@layout.p>${msg("ordreExecuteActionsIntro", requiredActionsText)}</@layout.p>
<@layout.button href=link label=msg("ordreExecuteActionsButton")/>
<@layout.p>${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p>${msg("ordreEmailIgnoreNoChange")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
