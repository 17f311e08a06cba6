<#ftl output_format="plainText">
<#-- Comptexpert plain-text email layout: the same header and footer as html/ordre-email-layout.ftl, in words. -->
<#import "/ordre-email.ftl" as ordre>
<#macro emailLayout>
${msg("ordreWordmarkName")} — ${msg("ordreWordmarkTagline")}

<#nested>

--
${msg("ordreEmailFooterBrand")}
${msg("ordreEmailFooterReason")}
<#local help = ordre.helpUrl()>
<#if help?has_content>
${msg("ordreEmailFooterHelp")} ${help}
</#if>
</#macro>
