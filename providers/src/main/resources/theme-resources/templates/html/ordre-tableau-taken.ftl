<#--
  To the holder of a Tableau entry: someone asked for a new account with it. Attributes: identifiant,
  firstName, lastName (the holder's), numero, realmName.
-->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreTableauTakenIntro", numero)}</@layout.p>
<@layout.identifiant value=identifiant/>
<@layout.p>${msg("ordreTableauTakenIfYou")}</@layout.p>
<@layout.p>${msg("ordreTableauTakenIfNotYou")}</@layout.p>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
