<#-- Keycloak's verify-email email, in Comptexpert's words. -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting((user.firstName)!"", (user.lastName)!"")}</@layout.p>
<@layout.p>${msg("ordreEmailVerificationIntro")}</@layout.p>
<@layout.button href=link label=msg("ordreEmailVerificationButton")/>
<@layout.p>${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p>${msg("ordreEmailIgnoreNotYou")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
