<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreTableauBoundIntro", numero, accountEmail)}

${msg("ordreEmailIdentifiantLabel")} ${identifiant}

${msg("ordreTableauBoundIfNotYou")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
