<#-- Our set-password page (SetPasswordAction): the rules before typing, ticked as the person types
     (resources/js/ordre-password.js, no inline script), each error once under its field. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password-new','password-confirm'); section>
<#if section = "header">
  ${msg(ordrePassword.replacing?then("ordrePasswordTitleNew", "ordrePasswordTitle"))}
<#elseif section = "form">
  <p id="ordre-password-intro" class="ordre-prose">${msg("ordrePasswordIntro", ordrePassword.username)}</p>
  <form id="ordre-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
    <input type="text" name="username" value="${ordrePassword.username}" autocomplete="username" hidden readonly>
    <@passwordField name="password-new" label=msg("ordrePasswordNew") describedBy="ordre-password-rules" autofocus=true/>
    <div id="ordre-password-rules" class="ordre-password-rules" data-username="${ordrePassword.username}">
      <p class="ordre-password-rules__title">${msg("ordrePasswordRulesTitle")}</p>
      <ul>
        <#list ordrePassword.rules as rule>
          <li data-check="${rule.check()}" data-count="${rule.count()?c}">${msg(rule.messageKey(), rule.count()?c)}<span class="ordre-visually-hidden ordre-password-rules__state"></span></li>
        </#list>
      </ul>
      <span hidden id="ordre-password-met" data-text="${msg('ordrePasswordRuleMet')}"></span>
      <span hidden id="ordre-password-unmet" data-text="${msg('ordrePasswordRuleUnmet')}"></span>
    </div>
    <@passwordField name="password-confirm" label=msg("ordrePasswordConfirm") describedBy=""/>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-password-submit">
        ${msg(ordrePassword.replacing?then("ordrePasswordSubmitNew", "ordrePasswordSubmit"))}
      </button>
    </div>
  </form>
  <script src="${url.resourcesPath}/js/ordre-password.js" defer></script>
</#if>
</@layout.registrationLayout>

<#macro passwordField name label describedBy autofocus=false>
  <#local error = messagesPerField.getFirstError(name)>
  <div class="${properties.kcFormGroupClass}">
    <div class="${properties.kcFormGroupLabelClass}">
      <label for="${name}" class="${properties.kcFormLabelClass}"><span class="${properties.kcFormLabelTextClass}">${label}</span></label>
    </div>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
          <input id="${name}" name="${name}" type="password" autocomplete="new-password" <#if autofocus>autofocus</#if>
                 aria-invalid="<#if error?has_content>true<#else>false</#if>"
                 aria-describedby="${describedBy}<#if error?has_content> input-error-${name}</#if>"/>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button class="${properties.kcFormPasswordVisibilityButtonClass}" type="button" aria-label="${msg('showPassword')}"
                aria-controls="${name}" data-password-toggle
                data-icon-show="${properties.kcFormPasswordVisibilityIconShow}" data-icon-hide="${properties.kcFormPasswordVisibilityIconHide}"
                data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}" id="${name}-show-password">
          <i class="${properties.kcFormPasswordVisibilityIconShow}" aria-hidden="true"></i>
        </button>
      </div>
    </div>
    <#if error?has_content>
      <div class="${properties.kcFormHelperTextClass}" aria-live="polite"><div class="${properties.kcInputHelperTextClass}">
        <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-${name}">
          <span class="${properties.kcInputErrorMessageClass}">${error}</span>
        </div>
      </div></div>
    </#if>
  </div>
</#macro>
