<#-- Expertpass sign-in panel: included by the ordre theme's template.ftl under the login form when the
     sign-in step (ordre-expertpass-password-form) offers it. The QR holds a challenge id only; the watch
     token that lets this page wait and rotate stays in the page (resources/js/ordre-expertpass.js).
     Works without JavaScript ("Continuer"). Styled by the theme's ordre.css (.ordre-expertpass*), cached by the
     browser instead of sent with every login page. -->
<section id="ordre-expertpass" class="ordre-expertpass" aria-labelledby="ordre-expertpass-title"
         data-api="${ordreExpertpass.api}" data-watch="${ordreExpertpass.watch}">
  <p class="ordre-expertpass__or">${msg("ordreExpertpassOr")}</p>
  <h2 id="ordre-expertpass-title" class="pf-v5-c-title pf-m-lg">${msg("ordreExpertpassLoginTitle")}</h2>
  <p>${msg("ordreExpertpassLoginHelp")}</p>
  <#-- The QR is a base64 data URI made on the server: nothing in it to escape. -->
  <img id="ordre-expertpass-qr" class="ordre-expertpass__qr" src="${ordreExpertpass.qr?no_esc}" width="220" height="220" alt="${msg("ordreExpertpassQrAlt")}">
  <p>${msg("ordreExpertpassCodeLabel")} <span id="ordre-expertpass-code" class="ordre-expertpass__code" aria-live="polite">${ordreExpertpass.code}</span></p>
  <form id="ordre-expertpass-form" action="${url.loginAction}" method="post">
    <input type="hidden" name="ordreExpertpass" value="continue">
    <button type="submit" id="ordre-expertpass-continue" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassContinue")}</button>
  </form>
  <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ordreExpertpassContinueHelp")}</p>
  <#-- The script is a static file (cached by the browser); it reads the API base and the watch token above. -->
  <script src="${url.resourcesPath}/js/ordre-expertpass.js" defer></script>
</section>
