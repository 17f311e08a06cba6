<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting((user.firstName)!"", (user.lastName)!"")}

${msg("ordreEmailVerificationIntro")}
${link}

${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}

${msg("ordreEmailIgnoreNotYou")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
