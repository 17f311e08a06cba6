<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreTableauTakenIntro", numero)}

${msg("ordreEmailIdentifiantLabel")} ${identifiant}

${msg("ordreTableauTakenIfYou")}

${msg("ordreTableauTakenIfNotYou")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
