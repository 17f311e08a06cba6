<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreSetPasswordIntro")}

${msg("ordreEmailIdentifiantLabel")} ${identifiant}
${msg("ordreSetPasswordIdentifiantNote")}
<#if (tableauBinding!"") == "pending">

${msg("ordreSetPasswordTableauPending")}
<#elseif (tableauBinding!"") == "confirmed">

${msg("ordreSetPasswordTableauConfirmed")}
</#if>

${msg("ordreSetPasswordAction")}
${link}

${msg("ordreSetPasswordValidity", ordre.validity(linkExpiration))}

${msg("ordreEmailIgnoreNotYou")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
