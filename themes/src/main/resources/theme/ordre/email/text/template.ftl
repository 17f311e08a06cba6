<#ftl output_format="plainText">
<#-- As html/template.ftl: base's plain-text emails in the Comptexpert layout (theme-resources: ordre-email-layout.ftl). -->
<#import "ordre-email-layout.ftl" as ordre>
<#macro emailLayout><@ordre.emailLayout><#nested></@ordre.emailLayout></#macro>
