<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting((user.firstName)!"", (user.lastName)!"")}

${msg("ordrePasswordResetIntro")}
<#if (user.username)?has_content>

${msg("ordreEmailIdentifiantLabel")} ${user.username}
</#if>

${msg("ordreResetActionNew")}
${link}

${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}

${msg("ordreEmailIgnoreNoChange")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
