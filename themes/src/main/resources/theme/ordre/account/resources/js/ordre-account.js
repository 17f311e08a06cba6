// Comptexpert account console. A read-only field left empty (a profile's précision, a numéro for a profile outside
// the Tableau) says nothing to the member, so its whole form group is hidden. keycloak.v3 draws its pages with React
// after load and on every navigation, and fills its forms through the inputs' value property, which neither a CSS
// selector nor a MutationObserver sees: the groups are checked after each DOM change and a few times a second.
(function () {
  "use strict";
  var pending = false;
  function mark() {
    pending = false;
    document.querySelectorAll(".pf-v5-c-form__group").forEach(function (group) {
      var input = group.querySelector("input");
      var readOnly = input && (input.disabled || input.readOnly || input.closest(".pf-m-disabled") !== null);
      group.classList.toggle("ordre-empty-readonly", Boolean(readOnly && input.value.trim() === ""));
    });
    // keycloak.v3's narrow-screen header menu is an icon with no name for screen readers (axe: button-name).
    document.querySelectorAll('button[data-testid="options-kebab-toggle"]:not([aria-label])').forEach(function (button) {
      button.setAttribute("aria-label", "Menu");
    });
  }
  function soon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(mark);
    }
  }
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  window.setInterval(soon, 300);
})();
