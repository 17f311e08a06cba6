// Expertpass sign-in panel (ordre-expertpass-panel.ftl). A page comes without a QR: when the panel comes into view,
// the script asks for one (POST .../browser/start, naming the login attempt as the sign-in form does: the browser's
// cookie and the form's tab id) and puts it in. Then it waits for the phone's decision with a long-poll, shows a new
// QR when the current one expires (and waits with that QR's watch token from then on), and submits the panel's form
// once the decision is taken. The decision itself is read by the server on submit.
(function () {
  var panel = document.getElementById("ordre-expertpass");
  if (!panel) { return; }
  // A login page's panel came by its script (ExpertpassPanelScript) into the page's slot; its form posts where the
  // page's sign-in form does.
  var api = panel.getAttribute("data-api");
  var watch = panel.getAttribute("data-watch");
  var form = document.getElementById("ordre-expertpass-form");
  var login = document.getElementById("kc-form-login");
  if (!form.getAttribute("action") && login) { form.action = login.action; }
  var tab = new URL(form.action, location.href).searchParams.get("tab_id");
  // Served open (what a desktop and a page without JavaScript need); closed at once on a narrow screen, before any
  // QR is asked for, but not on a phone, where the panel shows the same-device button (below).
  var details = document.getElementById("ordre-expertpass-details");
  if (details && window.matchMedia("(max-width: 767.98px)").matches && !((navigator.userAgentData && navigator.userAgentData.mobile)
      || /Android|iPhone|iPad|iPod|Mobi/i.test(navigator.userAgent))) {
    details.open = false;
  }
  var code = document.getElementById("ordre-expertpass-code");
  var controller = null;
  var done = false;
  function post(path, body) {
    if (controller) { controller.abort(); }
    controller = new AbortController();
    return fetch(api + path, { method: "POST", credentials: "same-origin", signal: controller.signal,
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || { watch: watch }) })
      .then(function (r) { return r.json(); });
  }
  function proceed() { if (!done) { done = true; form.submit(); } }
  function retry(e) { if (!e || e.name !== "AbortError") { setTimeout(watch ? wait : begin, 2000); } }
  // Puts a QR in (the first one in place of its slot), with its code and watch token, and waits on it.
  function show(d) {
    var img = document.getElementById("ordre-expertpass-qr");
    if (!img) {
      var slot = document.getElementById("ordre-expertpass-qr-slot");
      img = document.createElement("img");
      img.id = "ordre-expertpass-qr";
      img.className = slot.className;
      img.width = 220;
      img.height = 220;
      img.alt = slot.getAttribute("data-alt");
      slot.parentNode.replaceChild(img, slot);
    }
    img.src = d.qr;
    code.textContent = d.code;
    watch = d.watch;
    panel.setAttribute("data-watch", watch);
    // What the QR holds, for the same-device button (below), told of each new QR.
    panel.setAttribute("data-link", d.link || "");
    panel.dispatchEvent(new CustomEvent("ordre-expertpass-qr"));
    ["ordre-expertpass-code-line", "ordre-expertpass-form", "ordre-expertpass-continue-help"].forEach(function (id) {
      document.getElementById(id).hidden = false;
    });
    wait();
  }
  function begin() {
    post("/browser/start", { tab: tab }).then(function (d) {
      if (d.status === "pending") { show(d); } else { location.reload(); }
    }).catch(retry);
  }
  function rotate() {
    post("/browser/rotate").then(function (d) {
      if (d.status === "pending") { show(d); } else { proceed(); }
    }).catch(retry);
  }
  function wait() {
    if (done || !watch) { return; }
    post("/browser/wait").then(function (d) {
      if (d.status === "pending") { wait(); } else if (d.status === "expired") { rotate(); } else { proceed(); }
    }).catch(retry);
  }
  // A background tab may have missed its answer: ask again as soon as it is shown.
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { wait(); } });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { done = false; wait(); } });
  if (watch) { wait(); return; }
  // The no-script button is not needed here: the QR comes by itself once the panel is on screen.
  var button = document.getElementById("ordre-expertpass-show-form");
  if (button) { button.hidden = true; }
  if (!("IntersectionObserver" in window)) { begin(); return; }
  var seen = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); begin(); }
  });
  seen.observe(panel);
})();

// Same device: on a phone, a QR code on the phone's own screen cannot be scanned, so the panel offers to open the
// Expertpass app with the QR's link instead, the QR staying one tap away. The panel is lazy: its QR (and link) come
// when it is in view, and the script above tells of each new QR (event "ordre-expertpass-qr", data-link), which keeps
// the button's link current after a rotation.
(function () {
  var panel = document.getElementById("ordre-expertpass");
  var block = document.getElementById("ordre-expertpass-same-device");
  if (!panel || !block) { return; }
  var phone = (navigator.userAgentData && navigator.userAgentData.mobile) || /Android|iPhone|iPad|iPod|Mobi/i.test(navigator.userAgent);
  if (!phone) { return; }
  var link = document.getElementById("ordre-expertpass-open-app");
  var showQr = document.getElementById("ordre-expertpass-show-qr");
  var asked = false;
  block.hidden = false;
  // PatternFly buttons keep one line; these labels are long for a 375 px screen.
  link.style.whiteSpace = "normal";
  showQr.style.whiteSpace = "normal";
  // Through the style, not the hidden attribute: the theme's CSS gives the QR display:block. The QR, or its place
  // until the script puts it in.
  function qr() { return document.getElementById("ordre-expertpass-qr") || document.getElementById("ordre-expertpass-qr-slot"); }
  function update() {
    var current = panel.getAttribute("data-link");
    if (current) { link.href = link.getAttribute("data-app") + "#signin=" + encodeURIComponent(current); }
    var img = qr();
    if (img && !asked) { img.style.display = "none"; }
  }
  update();
  panel.addEventListener("ordre-expertpass-qr", update);
  showQr.addEventListener("click", function () {
    asked = true;
    var img = qr();
    if (img) { img.style.display = ""; img.scrollIntoView({ block: "center" }); }
    showQr.style.display = "none";
  });
  link.addEventListener("click", function (e) {
    update();
    // No QR yet (the panel has only just come into view): the app would open with nothing to approve.
    if (!panel.getAttribute("data-link")) { e.preventDefault(); }
  });
})();
