<#--
  "Changer de profil" (required action ordre-profile-change). ordreProfiles: list of ProfileChoice (id, label,
  services, move = CURRENT | IMMEDIATE | TABLEAU_CLAIM | TABLEAU_CHECK | NOT_SELF_SERVICE, detailsRequired);
  ordreCurrentProfile; ordreContactEmail (may be empty); ordreTableauClaim (profile claimed, lastName, birthDate,
  numero as typed). The access matrix in words: each profile with the services it opens.
  The Tableau fields are not "required" in HTML: they only apply to a Tableau profile, which the server checks.
-->
<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=true; section>
<#if section = "header">
  ${msg("ordreProfileChangeTitle")}
<#elseif section = "form">
  <div id="ordre-profile-change" class="ordre-help">
    <p id="ordre-profile-current" class="ordre-help__lead">
      <#if ordreCurrentProfile?has_content>${msg("ordreProfileChangeCurrent", ordreCurrentProfile)}<#else>${msg("ordreProfileChangeNoProfile")}</#if>
    </p>
    <#-- After a Tableau claim (the only success notice of this page): the change is made, the member goes on. -->
    <#if message?has_content && message.type == "success">
    <form id="ordre-profile-change-done" action="${url.loginAction}" method="post">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="done" value="true" id="ordre-profile-change-continue">${msg("ordreProfileChangeContinue")}</button>
    </form>
    </#if>
    <p>${msg("ordreProfileChangeIntro")}</p>
    <form id="ordre-profile-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
      <fieldset>
        <legend><h2>${msg("ordreProfileChangeLegend")}</h2></legend>
        <#if ordreProfiles?has_content>
        <ul class="ordre-profile-list">
        <#list ordreProfiles as p>
          <li id="ordre-profile-${p.id}" data-move="${p.move}">
            <#if p.move == "IMMEDIATE" || p.move == "TABLEAU_CLAIM">
              <input type="radio" name="profile" id="profile-${p.id}" value="${p.id}" aria-describedby="services-${p.id}"<#if (ordreTableauClaim.profile!"") == p.id> checked</#if>>
              <label for="profile-${p.id}"><strong>${p.label}</strong></label>
            <#else>
              <strong>${p.label}</strong>
            </#if>
            <span id="services-${p.id}">
              <#if p.services?has_content>${msg("ordreProfileChangeOpens", p.services?join(", "))}<#else>${msg("ordreProfileChangeOpensNone")}</#if>
            </span>
            <#if p.move == "CURRENT"><br><em>${msg("ordreProfileChangeIsCurrent")}</em>
            <#elseif p.move == "TABLEAU_CLAIM"><br><em>${msg("ordreProfileChangeTableauClaim")}</em>
            <#elseif p.move == "TABLEAU_CHECK"><br><em>${msg("ordreProfileChangeTableau")}</em>
            <#elseif p.move == "NOT_SELF_SERVICE"><br><em>${msg("ordreProfileChangeNotSelfService")}</em>
            </#if>
          </li>
        </#list>
        </ul>
        </#if>
      </fieldset>
      <p>${msg("ordreProfileChangeOpenToAll")}</p>
      <div class="${properties.kcFormGroupClass!}">
        <label for="detail" class="${properties.kcLabelClass!}">${msg("ordreProfileChangeDetail")}</label>
        <input type="text" id="detail" name="detail" maxlength="100" class="${properties.kcInputClass!}" aria-describedby="detail-hint">
        <div id="detail-hint" class="${properties.kcInputHelperTextItemClass!}">${msg("ordreProfileChangeDetailHint")}</div>
      </div>
      <fieldset id="ordre-profile-tableau-fields">
        <legend><h2>${msg("ordreProfileChangeTableauFields")}</h2></legend>
        <p>${msg("ordreProfileChangeTableauFieldsHelp")}</p>
        <@reg.input name="lastName" label=msg("ordreRegNom") value=(ordreTableauClaim.lastName!'') autocomplete="family-name"
            hint=msg("ordreRegNomHint") maxlength=80 required=false/>
        <@reg.input name="birthDate" label=msg("ordreRegBirthDate") value=(ordreTableauClaim.birthDate!'') autocomplete="bday"
            hint=msg("ordreRegBirthDateHint") inputmode="numeric" maxlength=10 required=false/>
        <@reg.input name="numero" label=msg("ordreRegNumero") value=(ordreTableauClaim.numero!'') required=false
            hint=msg("ordreRegNumeroHint") maxlength=20/>
      </fieldset>
      <p>${msg("ordreProfileChangeNextSignIn")}</p>
      <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
        <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-profile-change-submit">${msg("ordreProfileChangeSubmit")}</button>
        <#if isAppInitiatedAction??>
        <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="cancel-aia" value="true" id="ordre-profile-change-cancel">${msg("doCancel")}</button>
        </#if>
      </div>
    </form>
    <h2>${msg("ordreProfileChangeTableauTitle")}</h2>
    <p id="ordre-profile-change-tableau">${msg("ordreProfileChangeTableauText")}
      <#if ordreContactEmail?has_content> <a href="mailto:${ordreContactEmail}">${ordreContactEmail}</a></#if>
    </p>
  </div>
</#if>
</@layout.registrationLayout>
