<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=true; section>
<#if section = "header">
  ${msg("ordreRegNotFoundTitle")}
<#elseif section = "form">
  <@reg.progress current="NUMERO"/>
  <div id="ordre-register-not-found" class="ordre-prose">
    <p>${msg("ordreRegNotFoundIntro")}</p>
    <ul>
      <li>${msg("ordreRegNotFoundCheck")}</li>
      <li>${msg("ordreRegNotFoundNumero")}</li>
      <li>${msg("ordreRegNotFoundConseil")}</li>
      <li>${msg("ordreRegNotFoundOther")}</li>
    </ul>
  </div>
  <@reg.recap/>
  <form id="ordre-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
    <@reg.stepField/>
    <@reg.input name="numero" label=msg("ordreRegNumero") value=(ordreReg.values.numero!'') hint=msg("ordreRegNumeroHint")
        maxlength=20 autofocus=true/>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-next">${msg("ordreRegContinue")}</button>
    </div>
  </form>
  <form action="${url.loginAction}" method="post" class="ordre-register-secondary">
    <input type="hidden" name="action" value="restart"/>
    <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-restart">${msg("ordreRegRestart")}</button>
  </form>
  <@reg.backToLogin/>
</#if>
</@layout.registrationLayout>
