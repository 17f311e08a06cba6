<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreTableauConfirmIntro", numero, accountEmail)}

${msg("ordreEmailIdentifiantLabel")} ${identifiant}

${msg("ordreTableauConfirmIfYou")}
${link}

${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}

${msg("ordreTableauConfirmIfNotYou")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
