// The operator page's progress bar: while a rebuild runs, asks the server how far it has come about once a second
// and shows it; when it has finished, loads the page again to show the new status. Without this script the page
// shows the progress as it was when loaded (and a reload shows it anew).
(function () {
  'use strict';

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] === undefined ? all : values[name];
    });
  }

  function watch(bar) {
    var text = document.getElementById(bar.getAttribute('aria-describedby'));
    var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
    function poll() {
      fetch(bar.getAttribute('data-progress-url'), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('progress ' + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          if (!progress.running) {
            window.location.reload();
            return;
          }
          if (progress.percent === null) {
            bar.removeAttribute('value');
            text.textContent = bar.getAttribute('data-text-counting');
          } else {
            bar.value = progress.percent;
            text.textContent = format(bar.getAttribute('data-text-progress'), {
              judged: numbers.format(progress.judged),
              total: numbers.format(progress.total),
              percent: numbers.format(progress.percent)
            });
          }
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          // the server did not answer: try again a little later, the bar keeps its last value
          window.setTimeout(poll, 5000);
        });
    }
    window.setTimeout(poll, 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var bar = document.querySelector('progress[data-progress-url]');
    if (bar) {
      watch(bar);
    }
  });
})();
