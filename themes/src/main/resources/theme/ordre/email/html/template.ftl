<#--
  Keycloak's emails that we do not write ourselves (base's templates import "template.ftl" and call emailLayout)
  get the Comptexpert layout, which lives with the providers (theme-resources: ordre-email-layout.ftl) so that our
  own emails work under any email theme.
-->
<#import "ordre-email-layout.ftl" as ordre>
<#macro emailLayout><@ordre.emailLayout><#nested></@ordre.emailLayout></#macro>
