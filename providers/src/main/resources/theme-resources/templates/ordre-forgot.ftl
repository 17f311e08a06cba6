<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=!ordreForgot.sent; section>
<#if section = "header">
  ${msg("emailForgotTitle")}
<#elseif section = "form">
  <#if ordreForgot.sent>
    <div id="ordre-forgot-sent" class="ordre-prose" role="status">
      <p>${msg("ordreForgotSent", ordreForgot.value)}</p>
      <p><strong>${msg("ordreRegSentSpam")}</strong></p>
      <p>${msg("ordreForgotSentNext")}</p>
    </div>
  <#else>
    <p id="ordre-forgot-intro" class="ordre-prose">${msg("emailInstruction")}</p>
    <form id="ordre-forgot-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
      <@reg.input name="username" label=msg("usernameOrEmail") value=ordreForgot.value autocomplete="email" maxlength=254 autofocus=true/>
      <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
        <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-forgot-submit">${msg("doSubmit")}</button>
      </div>
    </form>
  </#if>
  <@reg.backToLogin/>
</#if>
</@layout.registrationLayout>
