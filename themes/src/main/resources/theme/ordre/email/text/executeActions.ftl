<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#assign requiredActionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
<@layout.emailLayout>
${ordre.greeting((user.firstName)!"", (user.lastName)!"")}

${msg("ordreExecuteActionsIntro", requiredActionsText)}
${link}

${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}

${msg("ordreEmailIgnoreNoChange")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
