<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#assign accountUrl = ordre.accountUrl()>
<@layout.emailLayout>
${ordre.greeting(firstName!"")}

${msg("ordreExpertpassDeviceAddedIntro")}

${msg("ordreExpertpassDeviceLabel")} ${deviceName}
${msg("ordreExpertpassTimeLabel")} ${time}

${msg("ordreExpertpassDeviceAddedIfYou")}
<#if appUrl??>
${msg("ordreExpertpassDeviceAddedApp")} ${appUrl}
</#if>

${msg("ordreExpertpassDeviceAddedIfNotYou")}
<#if accountUrl?has_content>
${accountUrl}
</#if>

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
