<#-- Expertpass sign-in panel: included by the ordre theme's template.ftl under the login form when the sign-in step
     (ordre-expertpass-password-form) offers it. It costs nothing until used.
     - A page comes with a slot, the same on every page of a language (cached whole, nothing per page in it), and the
       panel's script (ExpertpassPanelScript), named by the panel's version so that a browser fetches it once per
       language and version; no QR, no store entry, ~0.4 KB in all (every login page carries it: keep it short).
       The script puts the panel in and loads ordre-expertpass.js (its address is in the panel), which asks for a QR
       when the panel comes into view, naming the login attempt by the browser's cookie and the tab id of the sign-in
       form's action (ExpertpassPanelStart).
     - Without JavaScript, the noscript button posts the sign-in form (kc-form-login, by its form attribute) with
       ordreExpertpass=show, which the step reads before any username or password; the page comes back with the
       whole panel and its QR (ordreExpertpass.qr), as after "Continuer" while a QR is pending.
     - A theme whose blocks are not cached (ordreCachedMarkup missing: another login forms provider) gets the whole
       panel inline, as before the slot. -->
<#-- ordreExpertpassSlot: set by the sign-in step when the panel is lazy (no QR shown yet), to the slot's key. -->
<#if ordreExpertpassSlot?? && ordreCachedMarkup??>
<#-- The slot is the same on every page of a language: written from its first rendering, with the panel's version in
     it, so its key holds all the panel's key does. The directive keys every block on the page's merged messages and
     theme properties (by identity: one per theme and language), which stand for the language and the theme's
     resources path; the rest (the API's address and the store links) is one string made in Java: a key of FreeMarker
     expressions, evaluated on every login page, was most of the panel's cost
     (docs/benchmarks/panel-profile-d92714c.txt). One script address, from the site's root. -->
<@ordreCachedMarkup key=["expertpass-slot", ordreExpertpassSlot]><#import "ordre-expertpass-panel-markup.ftl" as markup>
<div id="ordre-expertpass-slot"></div>
<noscript><p class="ordre-expertpass"><button form="kc-form-login" formnovalidate name="ordreExpertpass" value="show" id="ordre-expertpass-show" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("ordreExpertpassDisclosure")}</button></p></noscript>
<script src="${ordreExpertpass.path}/browser/panel.js?lang=${(locale.currentLanguageTag)!""}&amp;v=<@markup.ordreExpertpassLazyPanel true/>" defer></script>
</@ordreCachedMarkup>
<#else>
<#import "ordre-expertpass-panel-markup.ftl" as markup>
<@markup.ordreExpertpassPanel {"action": url.loginAction}/>
<script src="${url.resourcesPath}/js/ordre-expertpass.js" defer></script>
</#if>
