<#--
  "Changer de profil" (required action ordre-profile-change). ordreProfiles: list of ProfileChoice (id, label,
  services, move = CURRENT | IMMEDIATE | TABLEAU_CHECK | NOT_SELF_SERVICE, detailsRequired); ordreCurrentProfile;
  ordreContactEmail (may be empty). The access matrix in words: each profile with the services it opens.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<#if section = "header">
  ${msg("ordreProfileChangeTitle")}
<#elseif section = "form">
  <div id="ordre-profile-change" class="ordre-help">
    <p id="ordre-profile-current" class="ordre-help__lead">
      <#if ordreCurrentProfile?has_content>${msg("ordreProfileChangeCurrent", ordreCurrentProfile)}<#else>${msg("ordreProfileChangeNoProfile")}</#if>
    </p>
    <p>${msg("ordreProfileChangeIntro")}</p>
    <form id="ordre-profile-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
      <fieldset>
        <legend><h2>${msg("ordreProfileChangeLegend")}</h2></legend>
        <#if ordreProfiles?has_content>
        <ul class="ordre-profile-list">
        <#list ordreProfiles as p>
          <li id="ordre-profile-${p.id}" data-move="${p.move}">
            <#if p.move == "IMMEDIATE">
              <input type="radio" name="profile" id="profile-${p.id}" value="${p.id}" aria-describedby="services-${p.id}">
              <label for="profile-${p.id}"><strong>${p.label}</strong></label>
            <#else>
              <strong>${p.label}</strong>
            </#if>
            <span id="services-${p.id}">
              <#if p.services?has_content>${msg("ordreProfileChangeOpens", p.services?join(", "))}<#else>${msg("ordreProfileChangeOpensNone")}</#if>
            </span>
            <#if p.move == "CURRENT"><br><em>${msg("ordreProfileChangeIsCurrent")}</em>
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
