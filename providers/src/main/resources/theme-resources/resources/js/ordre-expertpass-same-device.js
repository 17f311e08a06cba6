// Expertpass panel, same device (ordre-expertpass-panel.ftl): on a phone, a QR code on the phone's own screen cannot
// be scanned, so the panel offers to open the Expertpass app with the QR's link instead, the QR staying one tap
// away. The panel is lazy: its QR (and link) come when it is in view, and ordre-expertpass.js tells of each new QR
// (event "ordre-expertpass-qr", data-link), which keeps the button's link current after a rotation.
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
