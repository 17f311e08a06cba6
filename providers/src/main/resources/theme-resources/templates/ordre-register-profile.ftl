<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=true displayRequiredFields=true; section>
<#if section = "header">
  ${msg("ordreRegTitle")}
<#elseif section = "form">
  <@reg.progress current="PROFILE"/>
  <p id="ordre-register-intro" class="ordre-prose">${msg("ordreRegIntro")}</p>
  <form id="ordre-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
    <@reg.stepField/>
    <#assign profileError = messagesPerField.getFirstError("profile")>
    <div class="${properties.kcFormGroupClass}">
      <div class="${properties.kcFormGroupLabelClass}">
        <label for="profile" class="${properties.kcFormLabelClass}">
          <span class="${properties.kcFormLabelTextClass}">${msg("ordreRegProfile")}</span>
          <span class="${properties.kcInputRequiredClass}" aria-hidden="true">&#42;</span>
        </label>
      </div>
      <div class="${properties.kcInputClass} <#if profileError?has_content>${properties.kcError}</#if>">
        <select id="profile" name="profile" required aria-required="true"
                aria-invalid="<#if profileError?has_content>true<#else>false</#if>"
                aria-describedby="hint-profile<#if profileError?has_content> input-error-profile</#if>">
          <option value="">${msg("ordreRegProfileChoose")}</option>
          <#list ordreReg.profiles as p>
            <option value="${p.id}" <#if (ordreReg.values.profile!'') == p.id>selected</#if>>${p.label}</option>
          </#list>
        </select>
      </div>
      <div class="${properties.kcFormHelperTextClass}"><div class="${properties.kcInputHelperTextClass}">
        <div class="${properties.kcInputHelperTextItemClass}" id="hint-profile">${msg("ordreRegProfileHint")}</div>
      </div></div>
      <#if profileError?has_content>
        <div class="${properties.kcFormHelperTextClass}" aria-live="polite"><div class="${properties.kcInputHelperTextClass}">
          <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-profile">
            <span class="${properties.kcInputErrorMessageClass}">${profileError}</span>
          </div>
        </div></div>
      </#if>
    </div>
    <div id="ordre-profile-detail-group">
      <@reg.input name="profileDetail" label=msg("ordreRegProfileDetail") value=(ordreReg.values.profileDetail!'')
          hint=msg("ordreRegProfileDetailHint") required=false maxlength=100/>
    </div>
    <@reg.input name="lastName" label=msg("ordreRegNom") value=(ordreReg.values.lastName!'') autocomplete="family-name"
        hint=msg("ordreRegNomHint") maxlength=80/>
    <@reg.input name="firstName" label=msg("ordreRegPrenom") value=(ordreReg.values.firstName!'') autocomplete="given-name" maxlength=80/>
    <div id="ordre-tableau-group">
      <@reg.input name="birthDate" label=msg("ordreRegBirthDate") value=(ordreReg.values.birthDate!'') autocomplete="bday"
          hint=msg("ordreRegBirthDateHint") inputmode="numeric" maxlength=10/>
      <@reg.input name="numero" label=msg("ordreRegNumero") value=(ordreReg.values.numero!'') required=false
          hint=msg("ordreRegNumeroHint") maxlength=20/>
    </div>
    <@reg.input name="email" label=msg("ordreRegEmail") value=(ordreReg.values.email!'') type="email" autocomplete="email"
        hint=msg("ordreRegEmailHint") maxlength=254/>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-next">${msg("ordreRegContinue")}</button>
    </div>
  </form>
  <@reg.backToLogin/>
  <script>
    // Progressive enhancement only: "précisez" matters for "Autre profil", the birth date and the numéro for the
    // Tableau profiles; the server asks and checks them the same way without JavaScript.
    (function () {
      var select = document.getElementById("profile");
      var group = document.getElementById("ordre-profile-detail-group");
      var tableauGroup = document.getElementById("ordre-tableau-group");
      var needsDetail = {<#list ordreReg.profiles as p>"${p.id?js_string}": ${p.details?c}<#sep>, </#list>};
      var tableau = {<#list ordreReg.profiles as p>"${p.id?js_string}": ${p.tableau?c}<#sep>, </#list>};
      function sync() {
        group.hidden = !needsDetail[select.value];
        tableauGroup.hidden = select.value !== "" && !tableau[select.value];
      }
      select.addEventListener("change", sync);
      sync();
    })();
  </script>
</#if>
</@layout.registrationLayout>
