// Fieldnotes: small shared script (progressive enhancement only).
(function () {
  // Fill in the current year in the footer.
  var year = document.querySelector('[data-year]');
  if (year) year.textContent = String(new Date().getFullYear());

  // Show a gentle note in the footer when the browser reports being offline.
  var status = document.querySelector('[data-connection]');
  function update() {
    if (!status) return;
    status.textContent = navigator.onLine ? '' : 'You are offline \u2014 pages you have visited are still here.';
  }
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
})();
