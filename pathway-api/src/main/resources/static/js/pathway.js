// Small progressive enhancement; every page works without it.
(function () {
  'use strict';

  // A field that held an identity number is emptied whenever its page is shown, also when the browser brings the
  // page back from its history (back button, bfcache), so the number is not on screen for the next person.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('input[data-sensitive]').forEach(function (input) {
      input.value = '';
    });
  });

  // An error summary takes the focus when the page comes back with errors, so keyboard and screen reader users
  // land on what to correct.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.focus();
    }
  });
})();
