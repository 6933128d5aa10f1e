// Songbook lesson pages: a practice timer. The script is loaded from the page content, so with the
// app shell it may run again each time a lesson's content is swapped in, or only once for the
// whole visit. Either way each timer is set up exactly once: the global part is guarded by a flag,
// each timer element by its data-ready attribute, and new timers are picked up as they appear.
(function () {
  document.body.dataset.lessonScript = 'ran';

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  function setUp(timer) {
    if (timer.dataset.ready) return;
    timer.dataset.ready = '1';
    var output = timer.querySelector('output');
    var toggle = timer.querySelector('[data-timer-toggle]');
    var reset = timer.querySelector('[data-timer-reset]');
    var seconds = 0;
    var interval;
    function show() {
      output.textContent = format(seconds);
    }
    function stop() {
      clearInterval(interval);
      interval = undefined;
      toggle.textContent = seconds ? 'Resume' : 'Start practice timer';
      timer.classList.remove('running');
    }
    toggle.addEventListener('click', function () {
      if (interval) return stop();
      interval = setInterval(function () {
        // The content was swapped out: stop counting for a page nobody sees.
        if (!timer.isConnected) return stop();
        seconds += 1;
        show();
      }, 1000);
      toggle.textContent = 'Pause';
      timer.classList.add('running');
    });
    reset.addEventListener('click', function () {
      seconds = 0;
      show();
      if (!interval) stop();
    });
    show();
  }

  function setUpAll(root) {
    var timers = root.querySelectorAll('[data-practice-timer]');
    for (var i = 0; i < timers.length; i++) setUp(timers[i]);
  }

  setUpAll(document);
  if (window.songbookLesson) return;
  window.songbookLesson = { setUpAll: setUpAll };
  // Content swapped in later (the app shell) may bring timers without running this file again.
  new MutationObserver(function () {
    setUpAll(document);
  }).observe(document.body, { childList: true, subtree: true });
})();
