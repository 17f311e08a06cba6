<#-- Sent after registration. Attributes: identifiant, tableauBinding ("pending", "confirmed" or empty), firstName, lastName, link, linkExpiration (minutes), realmName. -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreSetPasswordIntro")}</@layout.p>
<@layout.identifiant value=identifiant/>
<@layout.p>${msg("ordreSetPasswordIdentifiantNote")}</@layout.p>
<#if (tableauBinding!"") == "pending"><@layout.p>${msg("ordreSetPasswordTableauPending")}</@layout.p>
<#elseif (tableauBinding!"") == "confirmed"><@layout.p>${msg("ordreSetPasswordTableauConfirmed")}</@layout.p></#if>
<@layout.p>${msg("ordreSetPasswordAction")}</@layout.p>
<@layout.button href=link label=msg("ordreSetPasswordButton")/>
<@layout.p>${msg("ordreSetPasswordValidity", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p>${msg("ordreEmailIgnoreNotYou")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
