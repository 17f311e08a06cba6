// Expertpass app: reads QR codes from the camera (getUserMedia) or from a picture, with the browser's
// BarcodeDetector where it has one for QR codes, otherwise jsQR (vendored in the app, vendor/jsQR.js).
"use strict";
(function () {
  var detectorPromise = null;

  /** The browser's QR detector, or null (most desktop browsers, Firefox, older Safari). */
  function detector() {
    if (!detectorPromise) {
      detectorPromise = ("BarcodeDetector" in window && BarcodeDetector.getSupportedFormats
        ? BarcodeDetector.getSupportedFormats().then(function (formats) {
          return formats.indexOf("qr_code") >= 0 ? new BarcodeDetector({ formats: ["qr_code"] }) : null;
        }).catch(function () { return null; })
        : Promise.resolve(null));
    }
    return detectorPromise;
  }

  /** The text of a QR code in an image, video frame or bitmap, or null. */
  function decode(source, width, height, thorough) {
    return detector().then(function (native) {
      if (native) {
        return native.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; })
          .catch(function () { return decodeWithJsQr(source, width, height, thorough); });
      }
      return decodeWithJsQr(source, width, height, thorough);
    });
  }

  var canvas = null;

  function decodeWithJsQr(source, width, height, thorough) {
    if (!width || !height || typeof jsQR !== "function") { return null; }
    // Phone photos are 12 Mpx: a QR is still well above jsQR's needs at 1,000 px.
    var scale = Math.min(1, 1000 / Math.max(width, height));
    var w = Math.round(width * scale);
    var h = Math.round(height * scale);
    canvas = canvas || document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(source, 0, 0, w, h);
    var found = jsQR(context.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: thorough ? "attemptBoth" : "dontInvert" });
    return found ? found.data : null;
  }

  /**
   * Shows the camera in {@code video} and resolves with the first QR code's text. {@code stop()} on the returned
   * object ends it (resolving null). Rejects with the getUserMedia error (denied, no camera, insecure page).
   */
  function startCamera(video) {
    var stream = null;
    var stopped = false;
    var finish;
    var result = new Promise(function (resolve, reject) {
      finish = resolve;
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        reject(new Error("NotSupportedError"));
        return;
      }
      navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" } } })
        .then(function (s) {
          stream = s;
          if (stopped) { release(); resolve(null); return; }
          video.srcObject = s;
          video.setAttribute("playsinline", "");
          video.muted = true;
          return video.play().then(tick);
        }).catch(function (e) { release(); reject(e); });
    });
    function release() {
      if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
      video.srcObject = null;
    }
    function tick() {
      if (stopped) { return; }
      Promise.resolve(video.readyState >= 2 ? decode(video, video.videoWidth, video.videoHeight, false) : null)
        .then(function (text) {
          if (stopped) { return; }
          if (text) { stopped = true; release(); finish(text); } else { setTimeout(tick, 150); }
        }, function () { setTimeout(tick, 300); });
    }
    return {
      result: result,
      stop: function () { stopped = true; release(); finish(null); }
    };
  }

  /** The QR code's text in a picture the user chose (a photo of the screen, a screenshot), or null. */
  function decodeFile(file) {
    return createImageBitmap(file).then(function (bitmap) {
      return Promise.resolve(decode(bitmap, bitmap.width, bitmap.height, true)).then(function (text) {
        if (bitmap.close) { bitmap.close(); }
        return text;
      });
    });
  }

  window.ExpertpassScanner = { startCamera: startCamera, decodeFile: decodeFile };
})();
