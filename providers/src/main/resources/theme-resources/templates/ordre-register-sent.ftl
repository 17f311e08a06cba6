<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=true; section>
<#if section = "header">
  ${msg("ordreRegSentTitle")}
<#elseif section = "form">
  <@reg.progress current="SENT"/>
  <div id="ordre-register-sent" class="ordre-prose">
    <p>${msg("ordreRegSentBody", (ordreReg.recap.email)!'')}</p>
    <p><strong>${msg("ordreRegSentSpam")}</strong></p>
    <#if ordreReg.tableau>
      <p id="ordre-register-tableau">${msg("ordreRegSentTableau")}</p>
    </#if>
    <p>${msg("ordreRegSentNext")}</p>
  </div>
  <form id="ordre-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
    <@reg.stepField/>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-resend">${msg("ordreRegResend")}</button>
    </div>
  </form>
  <details class="ordre-register-correct" id="ordre-register-correct" <#if messagesPerField.existsError("email")>open</#if>>
    <summary>${msg("ordreRegCorrectSummary")}</summary>
    <form id="ordre-register-correct-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
      <@reg.stepField/>
      <input type="hidden" name="action" value="correct-email"/>
      <@reg.input name="email" label=msg("ordreRegCorrectEmail") value=(ordreReg.values.email!'') type="email" autocomplete="email"
          hint=msg("ordreRegCorrectHint") maxlength=254/>
      <div class="${properties.kcFormButtonsClass!}">
        <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-correct-submit">${msg("ordreRegCorrectButton")}</button>
      </div>
    </form>
  </details>
  <@reg.backToLogin/>
</#if>
</@layout.registrationLayout>
