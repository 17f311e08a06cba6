<#--
  To the address the Tableau has on file for a member: a new account asks for their entry. Attributes:
  identifiant and accountEmail (of the new account), firstName, lastName (the register's), numero, link,
  linkExpiration (minutes), realmName.
-->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreTableauConfirmIntro", numero, accountEmail)}</@layout.p>
<@layout.identifiant value=identifiant/>
<@layout.p>${msg("ordreTableauConfirmIfYou")}</@layout.p>
<@layout.button href=link label=msg("ordreTableauConfirmButton")/>
<@layout.p>${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}</@layout.p>
<@layout.p><strong>${msg("ordreTableauConfirmIfNotYou")}</strong></@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
