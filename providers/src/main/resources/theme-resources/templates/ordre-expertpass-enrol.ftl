<#-- "Activer Expertpass": the enrolment QR (single use, 4 minutes). Once a phone has posted its key, the page
     asks by itself (or after "Continuer" when JavaScript is off) "Activer « name » ?": only a yes enrols it. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<#if section = "header">
  ${msg("ordreExpertpassEnrolTitle")}
<#elseif section = "form" && ordreExpertpassEnrolDevice??>
  <#-- A phone posted its key: it is enrolled only if the person says yes here. No script: the answer is a plain form. -->
  <div id="ordre-expertpass-confirm">
    <p id="ordre-expertpass-confirm-question" style="font-size:1.25rem"><strong>${msg("ordreExpertpassEnrolConfirmQuestion", ordreExpertpassEnrolDevice)}</strong></p>
    <p>${msg("ordreExpertpassEnrolConfirmHelp", ordreExpertpassEnrolDevice)}</p>
  </div>
  <form id="ordre-expertpass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="confirm" value="true" id="ordre-expertpass-confirm-yes">${msg("ordreExpertpassEnrolConfirm")}</button>
      <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="refuse" value="true" id="ordre-expertpass-confirm-no">${msg("ordreExpertpassEnrolRefuse")}</button>
    </div>
  </form>
<#elseif section = "form">
  <div id="ordre-expertpass-enrol" style="text-align:center">
    <p>${msg("ordreExpertpassEnrolHelp")}</p>
    <img id="ordre-expertpass-qr" src="${ordreExpertpassEnrol.qr?no_esc}" width="240" height="240"
         style="display:block;margin:1rem auto;max-width:100%;image-rendering:pixelated" alt="${msg("ordreExpertpassEnrolQrAlt")}">
    <p role="status">${msg("ordreExpertpassEnrolWaiting")}</p>
    <#-- On the phone itself: the app opens with the reference, no scan (the app checks it names this server). -->
    <p><a id="ordre-expertpass-open-app" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
          href="${ordreExpertpassEnrol.app}#enrol=${ordreExpertpassEnrol.link?url('UTF-8')}" target="_blank" rel="noopener" style="white-space:normal">${msg("ordreExpertpassOpenAppEnrol")}</a></p>
    <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ordreExpertpassOpenAppEnrolHelp")}</p>
    <#include "ordre-expertpass-get-app.ftl">
  </div>
  <form id="ordre-expertpass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-expertpass-continue">${msg("ordreExpertpassContinue")}</button>
      <#if isAppInitiatedAction??>
      <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="cancel" value="true" id="ordre-expertpass-cancel">${msg("ordreExpertpassEnrolCancel")}</button>
      </#if>
    </div>
  </form>
  <script>
    <#outputformat "JavaScript">
    (function () {
      var api = ${ordreExpertpassEnrol.api?c};
      var watch = ${ordreExpertpassEnrol.watch?c};
      var form = document.getElementById("ordre-expertpass-form");
      var controller = null;
      var done = false;
      function wait() {
        if (done) { return; }
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(api + "/browser/wait", { method: "POST", credentials: "same-origin", signal: controller.signal,
          headers: { "Content-Type": "application/json" }, body: JSON.stringify({ watch: watch }) })
          .then(function (r) { return r.json(); })
          .then(function (d) { if (d.status === "pending") { wait(); } else { done = true; form.submit(); } })
          .catch(function (e) { if (e.name !== "AbortError") { setTimeout(wait, 2000); } });
      }
      document.addEventListener("visibilitychange", function () { if (!document.hidden) { wait(); } });
      wait();
    })();
    </#outputformat>
  </script>
</#if>
</@layout.registrationLayout>
