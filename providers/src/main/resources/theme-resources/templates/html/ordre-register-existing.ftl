<#--
  Registration with an address that has an account already: its holder is told, instead of the page saying
  so. Attributes: identifiant, firstName, lastName, link, linkExpiration (minutes), realmName, pending.
-->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#assign pendingPassword = pending!false>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreRegExistingIntro")}</@layout.p>
<@layout.identifiant value=identifiant/>
<#if pendingPassword>
<@layout.p>${msg("ordreResetActionPending")}</@layout.p>
<@layout.button href=link label=msg("ordreResetButtonPending")/>
<#else>
<@layout.p>${msg("ordreRegExistingAction")}</@layout.p>
<@layout.button href=link label=msg("ordreResetButtonNew")/>
</#if>
<@layout.p>${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p>${msg("ordreEmailIgnoreNoChange")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
