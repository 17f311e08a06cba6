// The set-password page (ordre-password.ftl): ticks each rule of the list as the person types. A help only:
// the server applies the realm's password policy whatever this says, and the form submits either way.
(function () {
  'use strict';
  var field = document.getElementById('password-new');
  var list = document.getElementById('ordre-password-rules');
  if (!field || !list) {
    return;
  }
  var username = (list.getAttribute('data-username') || '').toLowerCase();
  var met = document.getElementById('ordre-password-met').getAttribute('data-text');
  var unmet = document.getElementById('ordre-password-unmet').getAttribute('data-text');

  function count(value, pattern) {
    var found = value.match(pattern);
    return found ? found.length : 0;
  }

  var checks = {
    length: function (v, n) { return v.length >= n; },
    maxLength: function (v, n) { return v.length > 0 && v.length <= n; },
    upperCase: function (v, n) { return count(v, /\p{Lu}/gu) >= n; },
    lowerCase: function (v, n) { return count(v, /\p{Ll}/gu) >= n; },
    digits: function (v, n) { return count(v, /\p{Nd}/gu) >= n; },
    specialChars: function (v, n) { return count(v, /[^\p{L}\p{N}]/gu) >= n; },
    notUsername: function (v) { return v.length > 0 && v.toLowerCase() !== username; }
  };

  function update() {
    var value = field.value;
    var items = list.querySelectorAll('li[data-check]');
    for (var i = 0; i < items.length; i++) {
      var check = checks[items[i].getAttribute('data-check')];
      if (!check) {
        continue;
      }
      var ok = check(value, parseInt(items[i].getAttribute('data-count'), 10) || 0);
      items[i].classList.toggle('ordre-rule--met', ok);
      items[i].querySelector('.ordre-password-rules__state').textContent = ' (' + (ok ? met : unmet) + ')';
    }
  }

  field.addEventListener('input', update);
  update();
})();
