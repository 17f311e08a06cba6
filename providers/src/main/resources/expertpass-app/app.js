// Expertpass app: the screens (card, scan, enrolment, sign-in, accounts). Everything shown from the server or the
// user goes through textContent, never HTML. Texts: messages-{fr,en}.json, keys ordreApp*.
"use strict";
(function () {
  var P = window.ExpertpassProtocol;
  var S = window.ExpertpassScanner;
  var view = document.getElementById("view");
  var language = pickLanguage();
  var texts = {};
  var camera = null;

  function pickLanguage() {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "fr"]);
    for (var i = 0; i < wanted.length; i++) {
      var l = String(wanted[i]).toLowerCase();
      if (l.indexOf("fr") === 0) { return "fr"; }
      if (l.indexOf("en") === 0) { return "en"; }
    }
    return "fr";
  }

  /** A text with its {0}, {1}... filled in. */
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = texts[key] || key;
    return text.replace(/\{(\d+)\}/g, function (m, n) { return args[n] === undefined ? m : String(args[n]); });
  }

  /** A DOM element: attributes (on* never), then children (strings become text). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === "text") { node.textContent = v; } else if (k === "className") { node.className = v; } else { node.setAttribute(k, v === true ? "" : v); }
    });
    Array.prototype.slice.call(arguments, 2).forEach(function (child) {
      if (child !== null && child !== undefined) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return node;
  }

  function button(id, key, kind, onClick) {
    var b = el("button", { type: "button", id: id, className: "btn btn--" + (kind || "primary"), text: t(key) });
    b.addEventListener("click", onClick);
    return b;
  }

  function dateTime(seconds) {
    return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short" })
      .format(new Date(seconds * 1000));
  }

  /** Replaces the screen; the title takes the focus so a screen reader says where the user is. */
  function show(tab, title) {
    stopCamera();
    view.textContent = "";
    ["card", "scan", "accounts"].forEach(function (name) {
      var link = document.getElementById("tab-" + name);
      if (name === tab) { link.setAttribute("aria-current", "page"); } else { link.removeAttribute("aria-current"); }
    });
    var h1 = el("h1", { tabindex: "-1", text: title });
    view.appendChild(h1);
    document.title = title + " – Expertpass";
    h1.focus({ preventScroll: true });
    var children = Array.prototype.slice.call(arguments, 2);
    children.forEach(function (c) { if (c) { view.appendChild(c); } });
    return view;
  }

  function note(kind, text, id) {
    return el("p", { className: "note note--" + kind, role: kind === "error" ? "alert" : "status", id: id || null, text: text });
  }

  // ---------------------------------------------------------------- errors in plain words

  var ERRORS = {
    network: "ordreAppErrorNetwork", unknown_enrolment: "ordreAppErrorEnrolmentUnknown",
    enrolment_used: "ordreAppErrorEnrolmentUsed", enrolment_expired: "ordreAppErrorEnrolmentExpired",
    enrolment_refused: "ordreAppErrorEnrolmentRefused",
    unknown_challenge: "ordreAppErrorChallengeUnknown", expired: "ordreAppErrorChallengeExpired",
    already_used: "ordreAppErrorChallengeUsed", code_mismatch: "ordreAppErrorCodeMismatch",
    ineligible: "ordreAppErrorIneligible", unknown_device: "ordreAppErrorDeviceRemoved", stale_time: "ordreAppErrorClock",
    bad_signature: "ordreAppErrorSignature", not_registered: "ordreAppErrorNotRegistered",
    invalid_device_name: "ordreAppErrorDeviceName", foreign_issuer: "ordreAppErrorForeignIssuer",
    other_network: "ordreAppErrorOtherNetwork"
  };

  function problemText(result) {
    var code = result.body && result.body.error;
    if (ERRORS[code]) { return t(ERRORS[code]); }
    return (result.body && result.body.error_description) || t("ordreAppErrorGeneric", result.status);
  }

  function problem(result, account) {
    var code = (result.body && result.body.error) || "error";
    if (result.status === 0) { setOffline(true); }
    var shown = note("error", problemText(result), "problem");
    shown.setAttribute("data-error", code);
    if (code === "unknown_device" && account) {
      account.revoked = true;
      P.store.put(account);
    }
    return shown;
  }

  function setOffline(offline) {
    document.getElementById("offline").hidden = !offline;
  }

  // ---------------------------------------------------------------- scan

  function stopCamera() {
    if (camera) { camera.stop(); camera = null; }
  }

  function scanView() {
    var video = el("video", { id: "scan-video", className: "scan__video", autoplay: true, muted: true, playsinline: true,
      "aria-label": t("ordreAppScanVideo") });
    var status = note("info", t("ordreAppScanStarting"), "scan-status");
    var photo = el("input", { type: "file", id: "scan-photo", accept: "image/*", className: "visually-hidden" });
    var photoLabel = el("label", { "for": "scan-photo", className: "btn btn--secondary", text: t("ordreAppScanPhoto") });
    show("scan", t("ordreAppScanTitle"), el("p", { text: t("ordreAppScanHelp") }), el("div", { className: "scan" }, video),
      status, el("div", { className: "actions" }, photoLabel, photo), el("p", { className: "hint", text: t("ordreAppScanPhotoHelp") }));
    photo.addEventListener("change", function () {
      if (!photo.files || !photo.files[0]) { return; }
      status.textContent = t("ordreAppScanReading");
      S.decodeFile(photo.files[0]).then(function (text) {
        if (text) { handleScanned(text); } else { status.textContent = t("ordreAppScanNoCode"); status.className = "note note--error"; }
      }, function () { status.textContent = t("ordreAppScanNoCode"); status.className = "note note--error"; });
    });
    camera = S.startCamera(video);
    var mine = camera;
    status.textContent = t("ordreAppScanAim");
    camera.result.then(function (text) {
      if (text && camera === mine) { camera = null; handleScanned(text); }
    }, function (e) {
      if (camera !== mine) { return; }
      camera = null;
      video.hidden = true;
      status.className = "note note--error";
      status.textContent = t(e && e.name === "NotAllowedError" ? "ordreAppScanDenied" : "ordreAppScanNoCamera");
    });
  }

  function handleScanned(text) {
    var target = P.classify(text);
    if (target.kind === "enrol") { return enrolView(target); }
    if (target.kind === "signin") { return signinView(target); }
    var error;
    if (target.kind === "foreign") {
      error = note("error", t("ordreAppErrorForeignHost", target.host, location.host), "problem");
      error.setAttribute("data-error", "foreign_host");
    } else if (target.kind === "card") {
      error = note("info", t("ordreAppCardQrScanned"), "problem");
      error.setAttribute("data-error", "card_qr");
    } else {
      error = note("error", t("ordreAppErrorNotExpertpass"), "problem");
      error.setAttribute("data-error", "not_expertpass");
    }
    show("scan", t("ordreAppScanRefusedTitle"), error, el("div", { className: "actions" },
      button("scan-again", "ordreAppScanAgain", "primary", scanView)));
  }

  // ---------------------------------------------------------------- enrolment

  /** A name the user recognises in the account console: "Chrome sur Android (Pixel 7)". */
  function proposedDeviceName() {
    var ua = navigator.userAgent;
    var browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome"
      : /Safari\//.test(ua) ? "Safari" : t("ordreAppDeviceBrowser");
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) || "";
    var model = "";
    var android = /Android [\d.]+; ([^;)]+)/.exec(ua);
    if (android) { platform = "Android"; model = android[1].trim() === "K" ? "" : android[1].trim(); }
    else if (/iPhone/.test(ua)) { platform = "iPhone"; }
    else if (/iPad/.test(ua)) { platform = "iPad"; }
    else if (!platform) { platform = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : ""; }
    var name = platform ? t("ordreAppDeviceNameDefault", browser, platform) : browser;
    return (model ? name + " (" + model + ")" : name).substring(0, 64);
  }

  function enrolView(target) {
    show("scan", t("ordreAppEnrolTitle"), note("info", t("ordreAppChecking")));
    P.enrolment(target, language).then(function (info) {
      if (info.status !== 200) {
        show("scan", t("ordreAppEnrolTitle"), problem(info), el("div", { className: "actions" },
          button("scan-again", "ordreAppScanAgain", "primary", scanView)));
        return;
      }
      var input = el("input", { id: "enrol-name", type: "text", maxlength: "64", required: true, autocomplete: "off",
        value: proposedDeviceName(), "aria-describedby": "enrol-name-help" });
      var form = el("form", { id: "enrol-form", className: "form", novalidate: true },
        el("label", { "for": "enrol-name", text: t("ordreAppEnrolNameLabel") }), input,
        el("p", { id: "enrol-name-help", className: "hint", text: t("ordreAppEnrolNameHelp") }),
        el("div", { className: "actions" }, el("button", { type: "submit", id: "enrol-submit", className: "btn btn--primary", text: t("ordreAppEnrolSubmit") })));
      var status = el("div", { id: "enrol-status", "aria-live": "polite" });
      show("scan", t("ordreAppEnrolTitle"), el("p", { text: t("ordreAppEnrolHelp", location.host) }), form, status);
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var name = input.value.trim();
        if (!name) { status.textContent = ""; status.appendChild(note("error", t("ordreAppErrorDeviceName"))); input.focus(); return; }
        form.querySelector("button").disabled = true;
        status.textContent = "";
        status.appendChild(note("info", t("ordreAppEnrolWorking")));
        var posted = false;
        P.enrol(target, name, language, function (answer) {
          // The key is posted; the server enrols it only once the person says yes on the browser's activation page.
          posted = true;
          var waiting = note("info", t("ordreAppEnrolConfirmWaiting", answer.body.deviceName || name), "enrol-confirm");
          waiting.setAttribute("data-status", "confirming");
          show("scan", t("ordreAppEnrolConfirmTitle"), waiting);
        }).then(function (result) {
          if (!result.account && posted) {
            // Refused on the page, or not answered in time: this reference is over, a new QR is needed.
            show("scan", t("ordreAppEnrolTitle"), problem(result), el("div", { className: "actions" },
              button("scan-again", "ordreAppScanAgain", "primary", scanView)));
            return;
          }
          if (!result.account) {
            form.querySelector("button").disabled = false;
            status.textContent = "";
            status.appendChild(problem(result));
            return;
          }
          var done = note("success", t("ordreAppEnrolDone", result.account.username, result.account.deviceName), "outcome");
          done.setAttribute("data-status", "enrolled");
          show("card", t("ordreAppEnrolDoneTitle"), done, el("p", { text: t("ordreAppEnrolDoneNext") }),
            el("div", { className: "actions" }, button("go-card", "ordreAppShowCard", "primary", function () { go("card"); })));
        }, function () {
          form.querySelector("button").disabled = false;
          status.textContent = "";
          status.appendChild(note("error", t("ordreAppErrorKeys")));
        });
      });
    });
  }

  // ---------------------------------------------------------------- sign-in

  function signinView(target) {
    show("scan", t("ordreAppSigninTitle"), note("info", t("ordreAppChecking")));
    // The accounts first: a QR not of the server they enrolled with is refused before any request (the pin).
    P.store.accounts().then(function (accounts) {
      return P.challenge(target, language, accounts).then(function (info) { return [accounts, info]; });
    }).then(function (both) {
      var accounts = both[0];
      var info = both[1];
      if (!accounts.length) {
        show("scan", t("ordreAppSigninTitle"), note("error", t("ordreAppNoAccount"), "problem"));
        return;
      }
      if (info.status !== 200) {
        show("scan", t("ordreAppSigninTitle"), problem(info), el("div", { className: "actions" },
          button("scan-again", "ordreAppScanAgain", "primary", scanView)));
        return;
      }
      var c = info.body;
      var facts = el("dl", { className: "facts", id: "signin-facts" });
      [["ordreAppSigninService", c.service, "signin-service"], ["ordreAppSigninBrowser", c.browser, "signin-browser"],
        ["ordreAppSigninOs", c.os, "signin-os"], ["ordreAppSigninPlace", c.ip, "signin-ip"],
        ["ordreAppSigninTime", c.time ? dateTime(Date.parse(c.time) / 1000) : "", "signin-time"]].forEach(function (f) {
        facts.appendChild(el("dt", { text: t(f[0]) }));
        facts.appendChild(el("dd", { id: f[2], text: f[1] || "–" }));
      });
      var digits = c.codeDigits === 3 ? 3 : 2;
      var code = el("input", { id: "signin-code", type: "text", inputmode: "numeric", pattern: "[0-9]*", maxlength: String(digits),
        autocomplete: "off", required: true, "aria-describedby": "signin-code-help", className: "code-input" });
      var chooser = null;
      if (accounts.length > 1) {
        chooser = el("select", { id: "signin-account" });
        accounts.forEach(function (a, i) { chooser.appendChild(el("option", { value: String(i), text: a.username + " – " + a.deviceName })); });
      }
      var status = el("div", { id: "signin-status", "aria-live": "polite" });
      var approve = el("button", { type: "submit", id: "signin-approve", className: "btn btn--primary", text: t("ordreAppSigninApprove") });
      var deny = button("signin-deny", "ordreAppSigninDeny", "secondary", function () { decide("deny"); });
      var form = el("form", { id: "signin-form", className: "form", novalidate: true },
        chooser ? el("label", { "for": "signin-account", text: t("ordreAppSigninAccount") }) : null, chooser,
        el("label", { "for": "signin-code", text: t("ordreAppSigninCodeLabel", digits) }), code,
        el("p", { id: "signin-code-help", className: "hint", text: t("ordreAppSigninCodeHelp") }),
        el("div", { className: "actions" }, approve, deny));
      // The server compares this phone's network with the browser's: a QR relayed from elsewhere is scanned here.
      var elsewhere = c.sameNetwork === false ? note("warning", t(c.proximity === "refuse"
        ? "ordreAppSigninOtherNetworkRefused" : "ordreAppSigninOtherNetwork"), "signin-network") : null;
      show("scan", t("ordreAppSigninTitle"), el("p", { text: t("ordreAppSigninIntro") }), facts, elsewhere,
        note("warning", t("ordreAppSigninWarning")), form, status);
      form.addEventListener("submit", function (e) { e.preventDefault(); decide("approve"); });

      function decide(decision) {
        var value = code.value.trim();
        if (decision === "approve" && !new RegExp("^[0-9]{" + digits + "}$").test(value)) {
          status.textContent = "";
          status.appendChild(note("error", t("ordreAppSigninCodeMissing", digits)));
          code.focus();
          return;
        }
        var account = accounts[chooser ? Number(chooser.value) : 0];
        approve.disabled = true;
        deny.disabled = true;
        P.decide(account, target, c, decision, value, language).then(function (result) {
          if (result.status === 200) {
            var approved = result.body.status === "approved";
            var outcome = note(approved ? "success" : "info", t(approved ? "ordreAppSigninApproved" : "ordreAppSigninDenied"), "outcome");
            outcome.setAttribute("data-status", result.body.status);
            show("scan", t(approved ? "ordreAppSigninApprovedTitle" : "ordreAppSigninDeniedTitle"), outcome);
          } else {
            show("scan", t("ordreAppSigninFailedTitle"), problem(result, account), el("div", { className: "actions" },
              button("scan-again", "ordreAppScanAgain", "primary", scanView)));
          }
        });
      }
    });
  }

  // ---------------------------------------------------------------- card

  function qrSvg(text, label) {
    var qr = qrcode(0, "M");
    qr.addData(text);
    qr.make();
    var n = qr.getModuleCount();
    var quiet = 4;
    var d = "";
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (qr.isDark(r, c)) { d += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z"; }
      }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 2 * quiet) + " " + (n + 2 * quiet));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("class", "card__qr");
    svg.setAttribute("shape-rendering", "crispEdges");
    var bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", "100%");
    bg.setAttribute("height", "100%");
    bg.setAttribute("fill", "#fff");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(bg);
    svg.appendChild(path);
    return svg;
  }

  /** One card: the holder, the validity, the verification QR, and whether it is fresh, offline or expired. */
  function cardSection(account, state) {
    var section = el("section", { className: "card", "aria-labelledby": "card-title-" + account.deviceId.replace(/\W/g, "") });
    var title = el("h2", { id: "card-title-" + account.deviceId.replace(/\W/g, ""), className: "card__kicker", text: t("ordreAppCardTitle") });
    section.appendChild(title);
    if (account.revoked) {
      section.appendChild(note("error", t("ordreAppErrorDeviceRemoved"), "card-revoked"));
      return section;
    }
    var card = account.card;
    if (!card) {
      section.appendChild(state.problem || note("info", state.offline ? t("ordreAppCardNoneOffline") : t("ordreAppCardLoading")));
      return section;
    }
    var holder = card.holder || {};
    var expired = card.expiresAt * 1000 <= Date.now();
    var badge;
    if (expired) {
      badge = note("error", t("ordreAppCardExpired", dateTime(card.expiresAt)), "card-state");
      badge.setAttribute("data-state", "expired");
    } else if (state.offline) {
      badge = note("warning", t("ordreAppCardOffline", dateTime(card.issuedAt)), "card-state");
      badge.setAttribute("data-state", "offline");
    } else {
      badge = note("success", t("ordreAppCardFresh", dateTime(card.expiresAt)), "card-state");
      badge.setAttribute("data-state", "fresh");
    }
    var profile = (holder.profilLabels && holder.profilLabels[language]) || holder.profil || "";
    var facts = el("dl", { className: "facts" },
      el("dt", { text: t("ordreAppCardProfile") }), el("dd", { id: "card-profile", text: profile }));
    if (holder.numero) {
      facts.appendChild(el("dt", { text: t("ordreAppCardNumero") }));
      facts.appendChild(el("dd", { id: "card-numero", text: holder.numero }));
    }
    if (holder.conseil) {
      facts.appendChild(el("dt", { text: t("ordreAppCardConseil") }));
      facts.appendChild(el("dd", { id: "card-conseil", text: holder.conseil }));
    }
    facts.appendChild(el("dt", { text: t("ordreAppCardStatus") }));
    facts.appendChild(el("dd", { id: "card-statut", text: t(holder.statut === "permanent" ? "ordreAppCardPermanent" : "ordreAppCardInscrit") }));
    section.appendChild(el("p", { className: "card__name", id: "card-name", text: (holder.prenom || "") + " " + (holder.nom || "") }));
    section.appendChild(facts);
    section.appendChild(badge);
    var qr = qrSvg(card.verifyUrl, t("ordreAppCardQrAlt"));
    if (expired) { qr.classList.add("card__qr--expired"); }
    section.appendChild(el("div", { className: "card__qrbox" }, qr));
    section.appendChild(el("p", { className: "hint", text: t("ordreAppCardQrHelp") }));
    if (state.problem) { section.appendChild(state.problem); }
    return section;
  }

  function cardView() {
    var asked = routes;
    P.store.accounts().then(function (accounts) {
      if (asked !== routes) { return; }
      if (!accounts.length) { return welcomeView(); }
      var list = el("div", { id: "cards" });
      show("card", t("ordreAppCardHeading"), list);
      accounts.forEach(function (account) {
        var slot = el("div");
        list.appendChild(slot);
        var offline = !navigator.onLine;
        slot.appendChild(cardSection(account, { offline: offline }));
        if (offline || account.revoked) { return; }
        P.card(account, language).then(function (result) {
          var state = {};
          if (result.status === 200) {
            account.card = { holder: result.body.holder, verifyUrl: result.body.verifyUrl, reference: result.body.reference,
              issuedAt: result.body.issuedAt, expiresAt: result.body.expiresAt };
            P.store.put(account);
          } else if (result.status === 0) {
            state.offline = true;
          } else {
            state.problem = problem(result, account);
            if (result.body.error === "ineligible" || result.body.error === "not_registered") { account.card = null; P.store.put(account); }
          }
          slot.textContent = "";
          slot.appendChild(cardSection(account, state));
        });
      });
    });
  }

  function welcomeView() {
    show("card", t("ordreAppWelcomeTitle"), el("p", { text: t("ordreAppWelcomeText") }),
      el("ol", { className: "steps" }, el("li", { text: t("ordreAppWelcomeStep1") }), el("li", { text: t("ordreAppWelcomeStep2") }),
        el("li", { text: t("ordreAppWelcomeStep3") })),
      el("div", { className: "actions" }, button("welcome-scan", "ordreAppWelcomeScan", "primary", function () { go("scan"); })));
  }

  // ---------------------------------------------------------------- accounts

  function accountsView(message) {
    var asked = routes;
    P.store.accounts().then(function (accounts) {
      if (asked !== routes) { return; }
      var list = el("ul", { className: "accounts", id: "accounts" });
      show("accounts", t("ordreAppAccountsTitle"), message || null,
        accounts.length ? list : el("p", { text: t("ordreAppAccountsNone") }),
        el("div", { className: "actions" }, button("accounts-add", "ordreAppAccountsAdd", "secondary", function () { go("scan"); })),
        el("p", { className: "hint", text: t("ordreAppAccountsKeyHelp") }));
      accounts.forEach(function (account) {
        var item = el("li", { className: "account" });
        list.appendChild(item);
        render();
        if (navigator.onLine) {
          P.devices(account, language).then(function (result) {
            if (result.status === 200 && account.revoked) { account.revoked = false; P.store.put(account).then(render); }
            if (result.status === 403 && result.body.error === "unknown_device") { account.revoked = true; P.store.put(account).then(render); }
          });
        }
        function render() {
          item.textContent = "";
          item.appendChild(el("p", { className: "account__name", text: account.deviceName }));
          item.appendChild(el("p", { className: "account__user", text: t("ordreAppAccountsUser", account.username, location.host) }));
          if (account.revoked) { item.appendChild(note("error", t("ordreAppErrorDeviceRemoved"))); }
          item.appendChild(el("div", { className: "actions actions--inline" },
            button("rename-" + account.deviceId, "ordreAppAccountsRename", "secondary", rename),
            button("remove-" + account.deviceId, "ordreAppAccountsRemove", "danger", remove)));
        }
        function rename() {
          var input = el("input", { type: "text", id: "rename-input", maxlength: "64", value: account.deviceName });
          var form = el("form", { className: "form" }, el("label", { "for": "rename-input", text: t("ordreAppAccountsRenameLabel") }), input,
            el("p", { className: "hint", text: t("ordreAppAccountsRenameHelp") }),
            el("div", { className: "actions actions--inline" }, el("button", { type: "submit", id: "rename-save", className: "btn btn--primary", text: t("ordreAppSave") }),
              button("rename-cancel", "ordreAppCancel", "secondary", render)));
          item.textContent = "";
          item.appendChild(form);
          input.focus();
          form.addEventListener("submit", function (e) {
            e.preventDefault();
            var name = input.value.trim();
            if (!name) { return; }
            account.deviceName = name.substring(0, 64);
            P.store.put(account).then(render);
          });
        }
        function remove() {
          item.textContent = "";
          item.appendChild(note("warning", t("ordreAppAccountsRemoveConfirm", account.username)));
          item.appendChild(el("div", { className: "actions actions--inline" },
            button("remove-confirm", "ordreAppAccountsRemoveYes", "danger", function () {
              P.store.remove(account.deviceId).then(function () {
                var done = note("success", t("ordreAppAccountsRemoved", account.username), "outcome");
                done.setAttribute("data-status", "removed");
                var consoleLink = el("a", { href: location.origin + "/realms/" + encodeURIComponent(account.realm) + "/account/",
                  text: t("ordreAppAccountsConsole"), target: "_blank", rel: "noopener" });
                accountsView(el("div", {}, done, el("p", {}, consoleLink)));
              });
            }),
            button("remove-cancel", "ordreAppCancel", "secondary", render)));
        }
      });
    });
  }

  // ---------------------------------------------------------------- routing

  function go(name) {
    if (location.hash === "#" + name) { route(); } else { location.hash = "#" + name; }
  }

  /**
   * How many times the app was routed: a view that reads IndexedDB first draws only if no other route came
   * meanwhile (opening #card then #scan at once must not end on the card drawn late over the scanner).
   */
  var routes = 0;

  /** #card, #scan, #accounts; #enrol=URL and #signin=URL come from the enrolment and login pages on this phone. */
  function route() {
    routes++;
    var hash = location.hash.substring(1);
    var eq = hash.indexOf("=");
    if (eq > 0 && (hash.substring(0, eq) === "enrol" || hash.substring(0, eq) === "signin")) {
      var text;
      try { text = decodeURIComponent(hash.substring(eq + 1)); } catch (e) { text = ""; }
      // Not kept in the address: a reload must not replay the link.
      history.replaceState(null, "", location.pathname + "#scan");
      var target = P.classify(text);
      var expected = hash.substring(0, eq) === "enrol" ? "enrol" : "signin";
      return handleScanned(target.kind === expected || target.kind === "foreign" ? text : "");
    }
    if (hash === "scan") { return scanView(); }
    if (hash === "accounts") { return accountsView(); }
    return cardView();
  }

  function translatePage() {
    document.documentElement.lang = language;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      if (texts[node.getAttribute("data-i18n")]) { node.textContent = texts[node.getAttribute("data-i18n")]; }
    });
    document.getElementById("tabs").setAttribute("aria-label", t("ordreAppTabsLabel"));
  }

  function start() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("sw.js").catch(function () { /* The app works online without it. */ });
    }
    setOffline(!navigator.onLine);
    window.addEventListener("online", function () { setOffline(false); });
    window.addEventListener("offline", function () { setOffline(true); });
    window.addEventListener("hashchange", route);
    fetch("messages-" + language + ".json").then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      .then(function (loaded) { texts = loaded || {}; translatePage(); route(); });
  }

  start();
})();
