<#import "template.ftl" as layout>
<#import "ordre-register-commons.ftl" as reg>
<@layout.registrationLayout displayMessage=true displayRequiredFields=true; section>
<#if section = "header">
  ${msg("ordreRegIdentifiantTitle")}
<#elseif section = "form">
  <@reg.progress current="IDENTIFIANT"/>
  <@reg.recap/>
  <form id="ordre-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
    <@reg.stepField/>
    <@reg.input name="username" label=msg("ordreRegIdentifiant") value=(ordreReg.values.username!'') autocomplete="username"
        hint=msg("ordreRegIdentifiantHint", ordreReg.identifiantMin?c, ordreReg.identifiantMax?c) maxlength=ordreReg.identifiantMax autofocus=true/>
    <#if (ordreReg.suggestions![])?has_content>
      <div class="ordre-register-suggestions ordre-prose" id="ordre-register-suggestions">
        <p>${msg("ordreRegSuggestions")}</p>
        <ul>
          <#list ordreReg.suggestions as s>
            <li><button type="button" class="${properties.kcButtonClass!} ${properties.kcButtonLinkClass!}" data-suggestion="${s}">${s}</button></li>
          </#list>
        </ul>
      </div>
    </#if>
    <p class="ordre-register-warning ordre-prose">${msg("ordreRegIdentifiantFinal")}</p>
    <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
      <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-create">${msg("ordreRegCreate")}</button>
    </div>
  </form>
  <form action="${url.loginAction}" method="post" class="ordre-register-secondary">
    <input type="hidden" name="action" value="restart"/>
    <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="ordre-register-restart">${msg("ordreRegRestart")}</button>
  </form>
  <script>
    // A suggestion fills the field; typing works the same without JavaScript.
    document.querySelectorAll("[data-suggestion]").forEach(function (b) {
      b.addEventListener("click", function () {
        var input = document.getElementById("username");
        input.value = b.getAttribute("data-suggestion");
        input.focus();
      });
    });
  </script>
</#if>
</@layout.registrationLayout>
