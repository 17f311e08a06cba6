<#-- Where to get Expertpass (AppLinks, attribute ordreExpertpassApp): the web app's address, to type or open on the
     phone, and the store pages of a native app where the realm names them. Included by the login panel, the
     enrolment page and the help page. -->
<#if ordreExpertpassApp??>
<p id="ordre-expertpass-get-app" class="ordre-expertpass__get-app" style="overflow-wrap:anywhere">${msg("ordreExpertpassGetApp")}
  <a id="ordre-expertpass-app-link" href="${ordreExpertpassApp.app}" style="word-break:break-all">${ordreExpertpassApp.app}</a><#if ordreExpertpassApp.stores>
  ${msg("ordreExpertpassGetAppStores")}<#if ordreExpertpassApp.appStore??> <a id="ordre-expertpass-app-store" href="${ordreExpertpassApp.appStore}" rel="noopener">App Store</a></#if><#if ordreExpertpassApp.playStore??> <a id="ordre-expertpass-play-store" href="${ordreExpertpassApp.playStore}" rel="noopener">Google Play</a></#if></#if></p>
</#if>
