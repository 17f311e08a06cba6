<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreEmailChangedIntro")}

${msg("ordreEmailIdentifiantLabel")} ${username}
${msg("ordreEmailChangedNewLabel")} ${newEmail}
${msg("ordreEmailChangedTimeLabel")} ${time}

${msg("ordreEmailChangedIfYou")}

${msg("ordreEmailChangedIfNotYou")}
<#if contactEmail?has_content>
${msg("ordreEmailChangedReportLabel")} ${contactEmail}
</#if>

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
