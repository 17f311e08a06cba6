<#-- Expertpass sign-in panel: included by the ordre theme's template.ftl under the login form when the
     sign-in step (ordre-expertpass-password-form) offers it. It costs nothing until used: a page comes with a
     start token only, and the QR is made when the panel comes into view (resources/js/ordre-expertpass.js,
     POST .../browser/start) or, without JavaScript, when the person presses "Afficher le QR code". The QR
     holds a challenge id only; the watch token that lets this page wait and rotate stays in the page.
     Styled by the theme's ordre.css (.ordre-expertpass*), cached by the browser.
     Included by template.ftl on the sign-in page. A panel not shown yet is the same markup on every page of a
     language but for its start token and form action: ordreCachedMarkup renders it once and then writes it as text
     with those two put in (CachedMarkupDirective). So the block reads only v.start and v.action per page; anything
     else it reads (the API base, the theme's resources path, the app links) is in the key. -->
<#macro ordreExpertpassPanel v>
<details id="ordre-expertpass-details" class="ordre-expertpass-details" open>
  <summary class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassDisclosure")}</summary>
<section id="ordre-expertpass" class="ordre-expertpass" aria-labelledby="ordre-expertpass-title"
         data-api="${ordreExpertpass.api}"<#if ordreExpertpass.watch??> data-watch="${ordreExpertpass.watch}" data-link="${ordreExpertpass.link!}"<#else> data-start="${v.start}"</#if>>
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
  <form id="ordre-expertpass-show-form" action="${v.action}" method="post">
    <input type="hidden" name="ordreExpertpass" value="show">
    <button type="submit" id="ordre-expertpass-show" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassShow")}</button>
  </form>
  </#if>
  <#-- Same device (ordre-expertpass-same-device.js shows it on a phone, with the QR behind a button): the app opens in a
       new tab with the current QR's link (data-link, set once the QR is made), the user types the code below there, and this tab goes on by itself. -->
  <div id="ordre-expertpass-same-device" hidden>
    <a id="ordre-expertpass-open-app" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
       href="${ordreExpertpass.app}<#if ordreExpertpass.link??>#signin=${ordreExpertpass.link?url('UTF-8')}</#if>" data-app="${ordreExpertpass.app}" target="_blank" rel="noopener">${msg("ordreExpertpassSameDevice")}</a>
    <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ordreExpertpassSameDeviceHelp")}</p>
    <button type="button" id="ordre-expertpass-show-qr" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!}">${msg("ordreExpertpassShowQr")}</button>
  </div>
  <p id="ordre-expertpass-code-line"<#if !ordreExpertpass.code??> hidden</#if>>${msg("ordreExpertpassCodeLabel")} <span id="ordre-expertpass-code" class="ordre-expertpass__code" aria-live="polite">${ordreExpertpass.code!}</span></p>
  <form id="ordre-expertpass-form" action="${v.action}" method="post"<#if !ordreExpertpass.watch??> hidden</#if>>
    <input type="hidden" name="ordreExpertpass" value="continue">
    <button type="submit" id="ordre-expertpass-continue" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassContinue")}</button>
  </form>
  <p id="ordre-expertpass-continue-help" class="${properties.kcInputHelperTextItemTextClass!}"<#if !ordreExpertpass.watch??> hidden</#if>>${msg("ordreExpertpassContinueHelp")}</p>
  <#-- The script is a static file (cached by the browser); it reads the API base and the token above. -->
  <script src="${url.resourcesPath}/js/ordre-expertpass.js" defer></script>
  <script src="${url.resourcesPath}/js/ordre-expertpass-same-device.js" defer></script>
</section>
</details>
<script>
  if (window.matchMedia("(max-width: 767.98px)").matches && !((navigator.userAgentData && navigator.userAgentData.mobile)
      || /Android|iPhone|iPad|iPod|Mobi/i.test(navigator.userAgent))) {
    document.getElementById("ordre-expertpass-details").open = false;
  }
</script>
</#macro>
<#if ordreExpertpass.start?? && ordreCachedMarkup??>
<@ordreCachedMarkup key=["expertpass-panel", ordreExpertpass.api, url.resourcesPath, ordreExpertpassApp.appStore!"", ordreExpertpassApp.playStore!""]
    values={"start": ordreExpertpass.start, "action": url.loginAction}; v><@ordreExpertpassPanel v/></@ordreCachedMarkup>
<#else>
<@ordreExpertpassPanel {"start": ordreExpertpass.start!"", "action": url.loginAction}/>
</#if>
