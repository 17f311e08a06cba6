// Expertpass app: the protocol (API v1 as of docs/expertpass-openapi.yml version 1.4, the same bytes as the
// companion's ExpertpassCompanion), the device keys and what the app keeps (IndexedDB). No DOM here.
"use strict";
(function () {
  var API_VERSION = "1.4";
  /** The API under an issuer (the realm's URL). */
  var API_PATH = "/comptexpert/expertpass/v1";

  // Each signed call: its purpose line, the fields signed (in order, joined by "\n" after the purpose), and the
  // fields sent beside the signature. The decision names the issuer pinned at enrolment and the digest of the
  // context the app showed; devices and card carry a fresh nonce (each request usable once).
  var CALLS = {
    enrol: { purpose: "ordre-expertpass/v1/enrol", signed: ["enrolment", "nonce", "publicKey", "deviceName"],
      sent: ["deviceName", "publicKey"] },
    decision: { purpose: "ordre-expertpass/v1/decision",
      signed: ["issuer", "challenge", "context", "code", "deviceId", "decision", "time"],
      sent: ["issuer", "context", "code", "deviceId", "decision", "time"] },
    devices: { purpose: "ordre-expertpass/v1/devices", signed: ["deviceId", "time", "nonce"], sent: ["deviceId", "time", "nonce"] },
    card: { purpose: "ordre-expertpass/v1/card", signed: ["deviceId", "time", "nonce"], sent: ["deviceId", "time", "nonce"] }
  };
  // What the digest of a shown sign-in covers, in order (after the issuer), as GET /challenges/{id} gives it.
  var CONTEXT = ["challenge", "service", "browser", "os", "ip", "time"];
  var TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

  /** The API this app belongs to: same origin, same realm (the app is served at .../comptexpert/app/). */
  function apiBase() {
    return new URL("../expertpass/v1/", location.href).href;
  }

  /** The server an account signs for: the issuer it enrolled with (accounts of API 1.3 kept none: this realm's). */
  function issuerOf(account) {
    return account.issuer || apiBase().substring(0, apiBase().length - API_PATH.length - 1);
  }

  /** Whether a QR's URL is one of the issuer's (the pin): its API, then the kind and one id, nothing more. */
  function pinned(issuer, url, kind) {
    var prefix = issuer + API_PATH + "/" + kind + "/";
    return typeof issuer === "string" && url.indexOf(prefix) === 0 && url.indexOf("/", prefix.length) < 0;
  }

  /** A refusal by the app itself, shaped as the server's; status -1: nothing was sent for it. */
  function refused(error, description) {
    return { status: -1, body: { error: error, error_description: description } };
  }

  /**
   * What a scanned text is. Only URLs of this app's own API (same scheme, host, port and realm) are used: a QR
   * naming any other host is refused, which is what defeats look-alike and relayed codes.
   */
  function classify(text) {
    var url;
    try { url = new URL(String(text).trim()); } catch (e) { return { kind: "unknown" }; }
    if (url.protocol !== "https:" && url.protocol !== "http:") { return { kind: "unknown" }; }
    if (url.origin !== location.origin) { return { kind: "foreign", host: url.host }; }
    var base = new URL(apiBase());
    if (url.pathname.indexOf(base.pathname) !== 0 || url.search || url.hash || url.username || url.password) {
      return url.pathname.indexOf("/comptexpert/carte") > 0 ? { kind: "card", url: url.href } : { kind: "unknown" };
    }
    var parts = url.pathname.substring(base.pathname.length).split("/");
    if (parts.length === 2 && TOKEN.test(parts[1]) && (parts[0] === "enrolments" || parts[0] === "challenges")) {
      return { kind: parts[0] === "enrolments" ? "enrol" : "signin", id: parts[1], url: base.href + parts[0] + "/" + parts[1] };
    }
    return { kind: "unknown" };
  }

  // ---------------------------------------------------------------- keys

  function b64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s);
  }

  function b64url(bytes) {
    return b64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /** An ASN.1 INTEGER from a big-endian unsigned value. */
  function derInteger(bytes) {
    var i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) { i++; }
    var v = Array.prototype.slice.call(bytes, i);
    if (v[0] & 0x80) { v.unshift(0); }
    return [0x02, v.length].concat(v);
  }

  /** WebCrypto signs ECDSA as r||s (64 bytes); the server, like Java, Android and iOS, reads DER. */
  function derSignature(raw) {
    var r = derInteger(raw.subarray(0, 32));
    var s = derInteger(raw.subarray(32, 64));
    return new Uint8Array([0x30, r.length + s.length].concat(r, s));
  }

  /** A P-256 pair whose private half cannot be exported, not even by this app: it can only sign. */
  function generateKey() {
    return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  }

  function publicKeySpki(publicKey) {
    return crypto.subtle.exportKey("spki", publicKey).then(function (spki) { return b64(new Uint8Array(spki)); });
  }

  function sign(privateKey, message) {
    return crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, new TextEncoder().encode(message))
      .then(function (raw) { return b64url(derSignature(new Uint8Array(raw))); });
  }

  /** The canonical string of a call: the purpose line, then the signed fields, joined by "\n". */
  function canonical(call, values) {
    return [CALLS[call].purpose].concat(CALLS[call].signed.map(function (k) { return String(values[k]); })).join("\n");
  }

  /** The JSON body of a signed call: the fields sent, and the signature over the canonical string. */
  function signedBody(call, values, privateKey) {
    return sign(privateKey, canonical(call, values)).then(function (signature) {
      var body = {};
      CALLS[call].sent.forEach(function (k) { body[k] = values[k]; });
      body.signature = signature;
      return body;
    });
  }

  function now() {
    return Math.floor(Date.now() / 1000);
  }

  /** 128 bits from the platform's CSPRNG, base64url (22 characters): a signed request is accepted once. */
  function nonce() {
    return b64url(crypto.getRandomValues(new Uint8Array(16)));
  }

  /** A value as the server joins it: Java's String.join writes a missing (null) field as "null". */
  function text(value) {
    return value === undefined ? "" : String(value);
  }

  /**
   * SHA-256 of the issuer, challenge, service, browser, OS, IP and time of the context shown, joined by "\n",
   * base64url: the server refuses a decision on a context it did not show (a relayed QR).
   */
  function contextDigest(issuer, shown) {
    var canonical = [issuer].concat(CONTEXT.map(function (k) { return text(shown[k]); })).join("\n");
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical))
      .then(function (d) { return b64url(new Uint8Array(d)); });
  }

  // ---------------------------------------------------------------- HTTP

  /** {status, body}; status 0 when the server could not be reached. */
  function call(method, url, body, language) {
    var init = { method: method, credentials: "omit", cache: "no-store", headers: { "Accept-Language": language || "fr" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json || {} };
      });
    }, function () { return { status: 0, body: { error: "network" } }; });
  }

  // ---------------------------------------------------------------- the phone's store (IndexedDB)

  var DB = "expertpass";
  var ACCOUNTS = "accounts";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(ACCOUNTS, { keyPath: "deviceId" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(ACCOUNTS, mode);
        var result = work(t.objectStore(ACCOUNTS));
        t.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  var store = {
    /** Accounts of this app's realm, oldest first. */
    accounts: function () {
      return tx("readonly", function (s) { return s.getAll(); }).then(function (all) {
        var api = apiBase();
        return (all || []).filter(function (a) { return a.api === api; })
          .sort(function (a, b) { return a.created - b.created; });
      });
    },
    get: function (deviceId) { return tx("readonly", function (s) { return s.get(deviceId); }); },
    put: function (account) { return tx("readwrite", function (s) { s.put(account); }); },
    remove: function (deviceId) { return tx("readwrite", function (s) { s.delete(deviceId); }); }
  };

  // ---------------------------------------------------------------- the calls

  /**
   * Reads the enrolment QR, makes the key, proves it; then waits for the person to confirm this phone on the browser's
   * activation page (the server enrols a posted key only then), and keeps the account. {@code onWaiting} is called with
   * the server's 202 answer while it waits. Resolves {status, body, account}: account only once enrolled.
   */
  function enrol(target, deviceName, language, onWaiting) {
    return enrolment(target, language).then(function (info) {
      if (info.status !== 200) { return info; }
      // The pin: the server the QR names must be the one that answers as issuer; only its QR codes are signed from then on.
      var issuer = info.body.issuer;
      if (!pinned(issuer, target.url, "enrolments")) { return refused("foreign_issuer", String(issuer)); }
      return generateKey().then(function (pair) {
        return publicKeySpki(pair.publicKey).then(function (publicKey) {
          var values = { enrolment: info.body.enrolment, nonce: info.body.nonce, publicKey: publicKey, deviceName: deviceName };
          return signedBody("enrol", values, pair.privateKey).then(function (body) {
            return call("POST", target.url, body, language);
          }).then(function (posted) {
            if (posted.status !== 202) { return posted; }
            if (onWaiting) { onWaiting(posted); }
            return confirmed(target, language);
          }).then(function (created) {
            if (created.status !== 200 || created.body.status !== "done") { return created; }
            var account = { deviceId: created.body.deviceId, deviceName: created.body.deviceName,
              username: created.body.username, realm: info.body.realm, issuer: issuer, api: apiBase(), origin: location.origin,
              publicKey: publicKey, privateKey: pair.privateKey, created: Date.now(), card: null, revoked: false,
              protocol: API_VERSION };
            return store.put(account).then(function () { created.account = account; return created; });
          });
        });
      });
    });
  }

  /** Polls the enrolment until the browser answers: done (200), refused or expired (410); offline: tries again. */
  function confirmed(target, language) {
    return new Promise(function (resolve) {
      (function poll() {
        call("GET", target.url, undefined, language).then(function (r) {
          if (r.status === 0 || (r.status === 200 && r.body.status === "confirming")) {
            setTimeout(poll, r.status === 0 ? 3000 : 1500);
          } else {
            resolve(r);
          }
        });
      })();
    });
  }

  /**
   * What the enrolment QR names (GET, nothing signed). A reference some phone already posted a key for shows only its
   * state: for this phone it is used.
   */
  function enrolment(target, language) {
    return call("GET", target.url, undefined, language).then(function (info) {
      return info.status === 200 && info.body.status && info.body.status !== "pending"
        ? { status: 409, body: { error: "enrolment_used" } } : info;
    });
  }

  /**
   * What a sign-in QR asks to approve. A QR of another server than the one the accounts enrolled with is refused
   * without a request, and so is an answer naming another issuer (foreign_issuer): it was relayed.
   */
  function challenge(target, language, accounts) {
    var issuer = accounts && accounts.length ? issuerOf(accounts[0]) : null;
    if (issuer && !pinned(issuer, target.url, "challenges")) { return Promise.resolve(refused("foreign_issuer", issuer)); }
    return call("GET", target.url, undefined, language).then(function (shown) {
      if (issuer && shown.status === 200 && shown.body.issuer !== issuer) { return refused("foreign_issuer", String(shown.body.issuer)); }
      return shown;
    });
  }

  /** The signed decision on the context the app showed (shown, as challenge() gave it). */
  function decide(account, target, shown, decision, code, language) {
    var issuer = issuerOf(account);
    return contextDigest(issuer, shown).then(function (context) {
      var values = { issuer: issuer, challenge: target.id, context: context, code: decision === "approve" ? code : "0",
        deviceId: account.deviceId, decision: decision, time: now() };
      return signedBody("decision", values, account.privateKey);
    }).then(function (body) {
      return call("POST", target.url + "/decision", body, language);
    });
  }

  function signedCall(name, path, account, language) {
    var values = { deviceId: account.deviceId, time: now(), nonce: nonce() };
    return signedBody(name, values, account.privateKey).then(function (body) {
      return call("POST", account.api + path, body, language);
    });
  }

  function devices(account, language) { return signedCall("devices", "devices", account, language); }

  function card(account, language) { return signedCall("card", "card", account, language); }

  window.ExpertpassProtocol = {
    API_VERSION: API_VERSION, CALLS: CALLS, apiBase: apiBase, classify: classify, canonical: canonical,
    contextDigest: contextDigest, generateKey: generateKey, derSignature: derSignature, store: store, enrol: enrol,
    enrolment: enrolment, challenge: challenge, decide: decide, devices: devices, card: card
  };
})();
