<#-- "Activer Expertpass" for a profile the catalogue does not entitle: say why, then carry on. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#if section = "header">
  ${msg("ordreExpertpassIneligibleTitle")}
<#elseif section = "form">
  <div id="ordre-expertpass-ineligible" class="${properties.kcAlertClass!} pf-m-warning">
    <span class="${properties.kcAlertTitleClass!}">${msg("ordreExpertpassIneligibleText")}</span>
  </div>
  <form class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-expertpass-ineligible-continue">${msg("ordreExpertpassContinue")}</button>
    </div>
  </form>
</#if>
</@layout.registrationLayout>
