<#-- Shared pieces of the registration steps. Errors are tied to their field with aria-describedby. -->
<#macro input name label value="" hint="" type="text" autocomplete="off" required=true inputmode="" maxlength=0 autofocus=false>
  <#assign error = messagesPerField.getFirstError(name)>
  <div class="${properties.kcFormGroupClass}">
    <div class="${properties.kcFormGroupLabelClass}">
      <label for="${name}" class="${properties.kcFormLabelClass}">
        <span class="${properties.kcFormLabelTextClass}">${label}</span>
        <#if required><span class="${properties.kcInputRequiredClass}" aria-hidden="true">&#42;</span></#if>
      </label>
    </div>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="${name}" name="${name}" value="${value}" type="${type}" autocomplete="${autocomplete}"
             <#if inputmode?has_content>inputmode="${inputmode}"</#if> <#if maxlength gt 0>maxlength="${maxlength?c}"</#if>
             <#if required>required aria-required="true"</#if> <#if autofocus>autofocus</#if>
             aria-invalid="<#if error?has_content>true<#else>false</#if>"
             aria-describedby="<#if hint?has_content>hint-${name} </#if><#if error?has_content>input-error-${name}</#if>"/>
    </span>
    <#if hint?has_content>
      <div class="${properties.kcFormHelperTextClass}"><div class="${properties.kcInputHelperTextClass}">
        <div class="${properties.kcInputHelperTextItemClass}" id="hint-${name}">${hint}</div>
      </div></div>
    </#if>
    <#if error?has_content>
      <div class="${properties.kcFormHelperTextClass}" aria-live="polite"><div class="${properties.kcInputHelperTextClass}">
        <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-${name}">
          <span class="${properties.kcInputErrorMessageClass}">${error}</span>
        </div>
      </div></div>
    </#if>
  </div>
</#macro>

<#-- Where the person is in the four steps. -->
<#macro progress current>
  <#assign steps = ["PROFILE", "IDENTIFIANT", "SENT"]>
  <#assign position = steps?seq_index_of(current)>
  <p class="ordre-register-progress" id="ordre-register-progress">${msg("ordreRegProgress", (position + 1)?c, steps?size?c)}</p>
</#macro>

<#macro recap>
  <#if ordreReg.recap??>
    <dl class="ordre-register-recap" id="ordre-register-recap">
      <dt>${msg("ordreRegRecapProfile")}</dt><dd>${ordreReg.recap.profile}</dd>
      <dt>${msg("ordreRegRecapName")}</dt><dd>${ordreReg.recap.prenom} ${ordreReg.recap.nom}</dd>
      <dt>${msg("ordreRegRecapEmail")}</dt><dd>${ordreReg.recap.email}</dd>
      <#if ordreReg.recap.numero??>
        <dt>${msg("ordreRegRecapNumero")}</dt><dd id="ordre-recap-numero">${ordreReg.recap.numero}</dd>
      </#if>
    </dl>
  </#if>
</#macro>

<#macro stepField>
  <input type="hidden" name="step" value="${ordreReg.step}"/>
</#macro>

<#macro backToLogin>
  <div class="${properties.kcFormGroupClass!} pf-v5-c-login__main-footer-band">
    <div class="${properties.kcFormOptionsClass!} pf-v5-c-login__main-footer-band-item">
      <span><a href="${url.loginUrl}" id="ordre-back-to-login">${msg("backToLogin")}</a></span>
    </div>
  </div>
</#macro>
