// Lesson pages: the practice timer. With the app shell this script arrives with the content and
// may run once for the whole visit while lessons are swapped in and out, so it sets up every
// timer it finds now and each one that appears later, and never the same timer twice.
(function () {
  'use strict';
  document.body.dataset.lessonScript = 'ran';

  function clock(total) {
    var seconds = total % 60;
    return Math.floor(total / 60) + ':' + (seconds < 10 ? '0' : '') + seconds;
  }

  function setUp(timer) {
    if (timer.hasAttribute('data-timer-ready')) return;
    timer.setAttribute('data-timer-ready', '');
    var shown = timer.querySelector('output');
    var toggle = timer.querySelector('[data-timer-toggle]');
    var seconds = 0;
    var ticking = null;
    var pause = function () {
      clearInterval(ticking);
      ticking = null;
      toggle.textContent = seconds ? 'Resume' : 'Start practice timer';
      timer.classList.remove('running');
    };
    toggle.addEventListener('click', function () {
      if (ticking) return pause();
      ticking = setInterval(function () {
        if (!document.contains(timer)) return pause(); // swapped out: nobody is looking
        shown.textContent = clock(++seconds);
      }, 1000);
      toggle.textContent = 'Pause';
      timer.classList.add('running');
    });
    timer.querySelector('[data-timer-reset]').addEventListener('click', function () {
      seconds = 0;
      shown.textContent = clock(0);
    });
  }

  var all = function () {
    document.querySelectorAll('[data-practice-timer]').forEach(setUp);
  };
  all();
  if (window.songbookTimers) return;
  window.songbookTimers = true;
  new MutationObserver(all).observe(document.body, { childList: true, subtree: true });
})();
