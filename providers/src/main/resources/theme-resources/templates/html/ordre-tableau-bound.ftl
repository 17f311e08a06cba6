<#--
  To the address the Tableau has on file: the Ordre bound the member's entry to an account. Attributes:
  identifiant and accountEmail (of the account), firstName, lastName (the register's), numero, realmName.
-->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreTableauBoundIntro", numero, accountEmail)}</@layout.p>
<@layout.identifiant value=identifiant/>
<@layout.p>${msg("ordreTableauBoundIfNotYou")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
