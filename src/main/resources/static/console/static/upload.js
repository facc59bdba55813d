// Upload: each file gets a ticket from the hub, goes straight to storage with a progress bar, then the hub reads it.
(function () {
  var drop = document.getElementById('drop');
  if (!drop) { return; }
  var input = document.getElementById('files');
  var queue = document.getElementById('queue');
  var row = document.getElementById('row');
  var parallel = parseInt(drop.getAttribute('data-parallel'), 10) || 3;
  var form = document.getElementById('upload-form');
  // files go up as soon as they are chosen: the form's own button is for pages without script
  drop.classList.add('enhanced');
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  var waiting = [];
  var running = 0;

  function csrf(headers) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { headers[header.content] = token.content; }
    return headers;
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var item = row.content.firstElementChild.cloneNode(true);
      item.querySelector('.name').textContent = file.name;
      item.querySelector('progress').setAttribute('aria-label', file.name);
      item.querySelector('.retry').addEventListener('click', function () {
        this.hidden = true;
        enqueue({ file: file, item: item });
      });
      queue.appendChild(item);
      enqueue({ file: file, item: item });
    });
  }

  function enqueue(job) {
    job.item.classList.remove('failed');
    job.item.querySelector('progress').value = 0;
    waiting.push(job);
    next();
  }

  function next() {
    while (running < parallel && waiting.length) {
      running++;
      send(waiting.shift()).finally(function () {
        running--;
        next();
      });
    }
  }

  function send(job) {
    var state = job.item.querySelector('.state');
    state.textContent = '';
    return ticket(job.file).then(function (t) {
      return put(job, t).then(function () { return complete(job, t.uploadId); });
    }).catch(function (message) {
      job.item.classList.add('failed');
      state.textContent = drop.getAttribute('data-failed') + (message && message.length ? ' ' + message : '');
      job.item.querySelector('.retry').hidden = false;
    });
  }

  function ticket(file) {
    return fetch(drop.getAttribute('data-ticket'), {
      method: 'POST', credentials: 'same-origin',
      headers: csrf({ 'Content-Type': 'application/json', 'Accept': 'application/json' }),
      body: JSON.stringify({ filename: file.name, contentType: file.type || null, byteSize: file.size })
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) { throw (answer.problems || []).join(' '); }
        return answer;
      }, function () { throw ''; });
    });
  }

  function put(job, t) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var bar = job.item.querySelector('progress');
      xhr.open(t.method || 'PUT', t.url);
      (t.headers || []).forEach(function (h) {
        if (h.name.toLowerCase() !== 'host' && h.name.toLowerCase() !== 'content-length') {
          xhr.setRequestHeader(h.name, h.value);
        }
      });
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) { bar.value = Math.round(100 * event.loaded / event.total); }
      });
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) { bar.value = 100; resolve(); } else { reject('HTTP ' + xhr.status); }
      };
      xhr.onerror = function () { reject(''); };
      xhr.send(job.file);
    });
  }

  function complete(job, uploadId) {
    var body = new URLSearchParams();
    body.append('uploadId', uploadId);
    return fetch(drop.getAttribute('data-complete'), {
      method: 'POST', credentials: 'same-origin', headers: csrf({}), body: body
    }).then(function (response) {
      if (!response.ok) { throw 'HTTP ' + response.status; }
      return response.text();
    }).then(function (html) {
      var read = job.item.querySelector('.read');
      read.innerHTML = html;
      if (read.querySelector('.problems')) { throw ''; }
      job.item.classList.add('uploaded');
    });
  }

  input.addEventListener('change', function () { add(input.files); input.value = ''; });
  ['dragenter', 'dragover'].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add('over'); });
  });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (event) {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer && event.dataTransfer.files.length) { add(event.dataTransfer.files); }
  });
})();
