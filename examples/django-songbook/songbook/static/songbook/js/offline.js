// "On this device": the lessons saved for offline (the service worker keeps the list), their
// sizes, the storage in use, and a way to clear it all. The page may be swapped in many times by
// the app shell; each time this script fills the list it finds there.
(function () {
  'use strict';
  var list = document.querySelector('[data-saved-list]');
  if (!list || list.hasAttribute('data-filled')) return;
  list.setAttribute('data-filled', '');
  var empty = document.querySelector('[data-saved-empty]');
  var storage = document.querySelector('[data-offline-storage]');
  var status = document.querySelector('[data-offline-status]');
  var clear = document.querySelector('[data-clear-offline]');

  function amount(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
    if (bytes >= 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return bytes + ' B';
  }

  function item(saves, saved) {
    var row = document.createElement('li');
    row.className = 'saved-item';
    var link = document.createElement('a');
    link.href = saved.url;
    link.textContent = saved.title.replace(/ – Songbook$/, '');
    var size = document.createElement('span');
    size.className = 'saved-size';
    size.textContent = amount(saved.bytes) + ', saved ' + new Date(saved.savedAt).toLocaleDateString();
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove from this device';
    remove.addEventListener('click', function () { saves.unsave(saved.url); });
    row.append(link, ' ', size, ' ', remove);
    return row;
  }

  function show(saves) {
    saves.saved().then(function (items) {
      list.replaceChildren.apply(list, items.map(function (saved) { return item(saves, saved); }));
      empty.hidden = items.length > 0;
    });
    saves.storage().then(function (s) {
      storage.textContent = amount(s.usage) + ' used of ' + amount(s.quota) + (s.persisted ? ', kept by the browser when space runs short' : '');
    });
  }

  function start() {
    var saves = window.shellacSaves;
    if (!saves || !saves.supported) {
      storage.textContent = 'This browser cannot keep lessons for offline use.';
      return;
    }
    show(saves);
    saves.on('changed', function () { show(saves); });
    clear.addEventListener('click', function () {
      clear.disabled = true;
      window.shellac.clearOfflineData().then(function () {
        status.textContent = 'Offline data cleared.';
        show(saves);
      }, function (error) {
        status.textContent = 'Could not clear: ' + error.message;
      }).finally(function () { clear.disabled = false; });
    });
  }

  if (window.shellacSaves) start();
  else document.addEventListener('DOMContentLoaded', start); // shellac-save.js is deferred too
})();
