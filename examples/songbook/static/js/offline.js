// Songbook's "On this device" page: lists the saved lessons from the service worker, with their
// sizes and a remove button, shows the storage used and the quota, and clears everything on demand.
// The page may be swapped in by the app shell several times: each run fills the list it finds.
(function () {
  var list = document.querySelector('[data-saved-list]');
  if (!list || list.dataset.ready) return;
  list.dataset.ready = '1';
  var empty = document.querySelector('[data-saved-empty]');
  var storage = document.querySelector('[data-offline-storage]');
  var status = document.querySelector('[data-offline-status]');
  var clear = document.querySelector('[data-clear-offline]');

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1048576) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function render(saves) {
    saves.saved().then(function (items) {
      list.replaceChildren();
      items.forEach(function (item) {
        var li = document.createElement('li');
        li.className = 'saved-item';
        var link = document.createElement('a');
        link.href = item.url;
        link.textContent = item.title.replace(/ – Songbook$/, '');
        var meta = document.createElement('span');
        meta.className = 'saved-size';
        meta.textContent = size(item.bytes) + ', saved ' + new Date(item.savedAt).toLocaleDateString();
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove from this device';
        remove.onclick = function () {
          saves.unsave(item.url);
        };
        li.append(link, ' ', meta, ' ', remove);
        list.append(li);
      });
      empty.hidden = items.length > 0;
    });
    saves.storage().then(function (s) {
      storage.textContent = size(s.usage) + ' used of ' + size(s.quota) + (s.persisted ? ' (kept by the browser under storage pressure)' : '');
    });
  }

  function start() {
    var saves = window.shellacSaves;
    if (!saves || !saves.supported) {
      storage.textContent = 'This browser cannot keep lessons for offline use.';
      return;
    }
    render(saves);
    saves.on('changed', function () {
      render(saves);
    });
    clear.onclick = function () {
      clear.disabled = true;
      window.shellac.clearOfflineData().then(
        function () {
          status.textContent = 'Offline data cleared.';
          render(saves);
        },
        function (error) {
          status.textContent = 'Could not clear: ' + error.message;
        },
      ).finally(function () {
        clear.disabled = false;
      });
    };
  }

  // The save script is deferred like this one: wait for it when the page is still loading.
  if (window.shellacSaves) start();
  else addEventListener('DOMContentLoaded', start);
})();
