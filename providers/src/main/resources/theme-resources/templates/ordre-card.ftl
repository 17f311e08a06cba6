<#import "template.ftl" as layout>
<#--
  The public check of a professional card (CardPage): opened by the QR code of the card in the Expertpass app.
  ordreCard: CardPage.Model. Only a valid card names its holder; nothing here ever shows a birth date, an
  email or an identifiant. No client nor authentication session: realm, url, locale and msg only.
-->
<#global title = msg("ordreCardTitle")>
<@layout.registrationLayout displayMessage=false displayInfo=false; section>
<#if section = "header">
  <#switch ordreCard.status>
    <#case "valid"><#if ordreCard.permanent>${msg("ordreCardValidPermanentTitle")}<#else>${msg("ordreCardValidTitle")}</#if><#break>
    <#case "expired">${msg("ordreCardExpiredTitle")}<#break>
    <#case "invalid">${msg("ordreCardInvalidTitle")}<#break>
    <#case "not_registered">${msg("ordreCardNotRegisteredTitle")}<#break>
    <#case "rate_limited">${msg("ordreCardRateLimitedTitle")}<#break>
    <#default>${msg("ordreCardMissingTitle")}
  </#switch>
<#elseif section = "form">
  <div id="ordre-card" class="ordre-card" data-status="${ordreCard.status}">
    <#if ordreCard.status = "valid">
      <div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status">
        <p id="ordre-card-verdict" class="pf-v5-c-alert__title"><#if ordreCard.permanent>${msg("ordreCardValidPermanent")}<#else>${msg("ordreCardValid")}</#if></p>
      </div>
      <dl id="ordre-card-holder" class="ordre-card__holder">
        <dt>${msg("ordreCardNom")}</dt><dd id="ordre-card-nom">${ordreCard.nom}</dd>
        <dt>${msg("ordreCardPrenom")}</dt><dd id="ordre-card-prenom">${ordreCard.prenom}</dd>
        <dt>${msg("ordreCardProfile")}</dt><dd id="ordre-card-profile">${ordreCard.profile}</dd>
        <#if ordreCard.numero??>
          <dt>${msg("ordreCardNumero")}</dt><dd id="ordre-card-numero">${ordreCard.numero}</dd>
        </#if>
        <#if ordreCard.conseil??>
          <dt>${msg("ordreCardConseil")}</dt><dd id="ordre-card-conseil">${ordreCard.conseil}</dd>
        </#if>
        <dt>${msg("ordreCardValidUntil")}</dt><dd id="ordre-card-expires">${ordreCard.expiresAt}</dd>
      </dl>
      <p class="ordre-card__note">${msg("ordreCardLiveCheck", ordreCard.checkedAt)}</p>
    <#else>
      <div class="pf-v5-c-alert pf-m-danger pf-m-inline" role="alert">
        <p id="ordre-card-verdict" class="pf-v5-c-alert__title">
          <#switch ordreCard.status>
            <#case "expired">${msg("ordreCardExpired", ordreCard.expiresAt!"")}<#break>
            <#case "invalid">${msg("ordreCardInvalid")}<#break>
            <#case "not_registered">${msg("ordreCardNotRegistered")}<#break>
            <#case "rate_limited">${msg("ordreCardRateLimited", ordreCard.retryAfter?c)}<#break>
            <#default>${msg("ordreCardMissing")}
          </#switch>
        </p>
      </div>
      <#if ordreCard.status = "expired"><p>${msg("ordreCardExpiredNext")}</p></#if>
      <#if ordreCard.status = "invalid" || ordreCard.status = "not_registered"><p>${msg("ordreCardWarning")}</p></#if>
    </#if>
    <p class="ordre-card__annuaire">${msg("ordreCardAnnuaire")}</p>
  </div>
</#if>
</@layout.registrationLayout>
