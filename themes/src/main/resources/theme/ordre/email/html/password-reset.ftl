<#-- Keycloak's reset-credentials email, in Comptexpert's words; it also states the identifiant. -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting((user.firstName)!"", (user.lastName)!"")}</@layout.p>
<@layout.p>${msg("ordrePasswordResetIntro")}</@layout.p>
<#if (user.username)?has_content>
<@layout.identifiant value=user.username/>
</#if>
<@layout.p>${msg("ordreResetActionNew")}</@layout.p>
<@layout.button href=link label=msg("ordreResetButtonNew")/>
<@layout.p>${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p>${msg("ordreEmailIgnoreNoChange")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
