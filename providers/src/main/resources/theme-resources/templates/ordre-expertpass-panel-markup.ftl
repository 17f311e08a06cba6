<#-- The Expertpass sign-in panel's markup (ordre-expertpass-panel.ftl and the panel script of
     ExpertpassPanelScript). The QR holds a challenge id only; the watch token that lets the page wait and rotate stays
     in the page. Styled by the theme's ordre.css (.ordre-expertpass*), driven by resources/js/ordre-expertpass.js.

     ordreExpertpassPanel v: the whole panel. With v.action, the one a page without a QR carries (a theme whose blocks
     are not cached); without, the lazy panel, which the script puts in a page's slot and gives the page's form
     action, and names the page's script (data-script), which the panel's script loads once the panel is in. -->
<#macro ordreExpertpassPanel v>
<details id="ordre-expertpass-details" class="ordre-expertpass-details" open>
  <summary class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassDisclosure")}</summary>
<section id="ordre-expertpass" class="ordre-expertpass" aria-labelledby="ordre-expertpass-title"
         data-api="${ordreExpertpass.api}"<#if !v.action??> data-script="${url.resourcesPath}/js/ordre-expertpass.js"</#if><#if ordreExpertpass.watch??> data-watch="${ordreExpertpass.watch}" data-link="${ordreExpertpass.link!}"</#if>>
  <p class="ordre-expertpass__or">${msg("ordreExpertpassOr")}</p>
  <h2 id="ordre-expertpass-title" class="pf-v5-c-title pf-m-lg">${msg("ordreExpertpassLoginTitle")}</h2>
  <p>${msg("ordreExpertpassLoginHelp")}</p>
  <#include "ordre-expertpass-get-app.ftl">
  <#if ordreExpertpass.qr??>
  <#-- The QR is a base64 data URI made on the server: nothing in it to escape. -->
  <img id="ordre-expertpass-qr" class="ordre-expertpass__qr" src="${ordreExpertpass.qr?no_esc}" width="220" height="220" alt="${msg("ordreExpertpassQrAlt")}">
  <#else>
  <#-- The QR's place, kept so the page does not move when the script puts the QR in. -->
  <div id="ordre-expertpass-qr-slot" class="ordre-expertpass__qr" data-alt="${msg("ordreExpertpassQrAlt")}"></div>
  <#if v.action??>
  <form id="ordre-expertpass-show-form" action="${v.action}" method="post">
    <input type="hidden" name="ordreExpertpass" value="show">
    <button type="submit" id="ordre-expertpass-show" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassShow")}</button>
  </form>
  </#if>
  </#if>
  <#-- Same device (ordre-expertpass.js shows it on a phone, with the QR behind a button): the app opens in a
       new tab with the current QR's link (data-link, set once the QR is made), the user types the code below there, and this tab goes on by itself. -->
  <div id="ordre-expertpass-same-device" hidden>
    <a id="ordre-expertpass-open-app" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
       href="${ordreExpertpass.app}<#if ordreExpertpass.link??>#signin=${ordreExpertpass.link?url('UTF-8')}</#if>" data-app="${ordreExpertpass.app}" target="_blank" rel="noopener">${msg("ordreExpertpassSameDevice")}</a>
    <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ordreExpertpassSameDeviceHelp")}</p>
    <button type="button" id="ordre-expertpass-show-qr" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!}">${msg("ordreExpertpassShowQr")}</button>
  </div>
  <p id="ordre-expertpass-code-line"<#if !ordreExpertpass.code??> hidden</#if>>${msg("ordreExpertpassCodeLabel")} <span id="ordre-expertpass-code" class="ordre-expertpass__code" aria-live="polite">${ordreExpertpass.code!}</span></p>
  <form id="ordre-expertpass-form"<#if v.action??> action="${v.action}"</#if> method="post"<#if !ordreExpertpass.watch??> hidden</#if>>
    <input type="hidden" name="ordreExpertpass" value="continue">
    <button type="submit" id="ordre-expertpass-continue" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassContinue")}</button>
  </form>
  <p id="ordre-expertpass-continue-help" class="${properties.kcInputHelperTextItemTextClass!}"<#if !ordreExpertpass.watch??> hidden</#if>>${msg("ordreExpertpassContinueHelp")}</p>
</section>
</details>
</#macro>

<#-- The lazy panel, written from its first rendering (CachedMarkupDirective) and the same for every page of a
     language: with digest=true, its version (the page names the script by it, so a browser keeps it until it changes);
     without, its markup (the script). It reads nothing per page: anything it reads is in the key. -->
<#macro ordreExpertpassLazyPanel digest>
<#local key = ["expertpass-panel", ordreExpertpass.api, url.resourcesPath, ordreExpertpassApp.cacheKey]>
<@ordreCachedMarkup key=key digest=digest><@ordreExpertpassPanel {}/></@ordreCachedMarkup><#t>
</#macro>
