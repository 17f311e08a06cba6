// Expertpass sign-in panel (ordre-expertpass-panel.ftl): waits for the phone's decision with a long-poll, shows a
// new QR when the current one expires (and waits with that QR's watch token from then on), and submits the panel's
// form once the decision is taken. The API base and the first watch token come from the panel's data attributes;
// the decision itself is read by the server on submit.
(function () {
  var panel = document.getElementById("ordre-expertpass");
  if (!panel) { return; }
  var api = panel.getAttribute("data-api");
  var watch = panel.getAttribute("data-watch");
  var form = document.getElementById("ordre-expertpass-form");
  var img = document.getElementById("ordre-expertpass-qr");
  var code = document.getElementById("ordre-expertpass-code");
  var controller = null;
  var done = false;
  function post(path) {
    if (controller) { controller.abort(); }
    controller = new AbortController();
    return fetch(api + path, { method: "POST", credentials: "same-origin", signal: controller.signal,
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ watch: watch }) })
      .then(function (r) { return r.json(); });
  }
  function proceed() { if (!done) { done = true; form.submit(); } }
  function retry(e) { if (!e || e.name !== "AbortError") { setTimeout(wait, 2000); } }
  function rotate() {
    post("/browser/rotate").then(function (d) {
      if (d.status === "pending") { img.src = d.qr; code.textContent = d.code; watch = d.watch; wait(); } else { proceed(); }
    }).catch(retry);
  }
  function wait() {
    if (done) { return; }
    post("/browser/wait").then(function (d) {
      if (d.status === "pending") { wait(); } else if (d.status === "expired") { rotate(); } else { proceed(); }
    }).catch(retry);
  }
  // A background tab may have missed its answer: ask again as soon as it is shown.
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { wait(); } });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { done = false; wait(); } });
  wait();
})();
