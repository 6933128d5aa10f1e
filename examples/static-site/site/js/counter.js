// Fieldnotes tally counter: +1 buttons per species, running total in #total.
(function () {
  var counts = {};
  var list = document.getElementById('tally');
  var totalEl = document.getElementById('total');
  var resetBtn = document.getElementById('reset');

  function render() {
    var total = 0;
    var rows = list.querySelectorAll('[data-species]');
    for (var i = 0; i < rows.length; i++) {
      var name = rows[i].getAttribute('data-species');
      var n = counts[name] || 0;
      rows[i].querySelector('output').textContent = String(n);
      total += n;
    }
    totalEl.textContent = String(total);
  }

  list.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-add]');
    if (!button) return;
    var name = button.closest('[data-species]').getAttribute('data-species');
    counts[name] = (counts[name] || 0) + 1;
    render();
  });

  resetBtn.addEventListener('click', function () {
    counts = {};
    render();
  });

  render();
  document.body.dataset.scriptRan = 'yes';
})();
