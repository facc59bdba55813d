// Every htmx request carries the session's CSRF token, read from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A control marked data-confirm asks before it acts (no inline script: the page's policy forbids it).
document.addEventListener('click', function (event) {
  var asking = event.target.closest('[data-confirm]');
  if (asking && !window.confirm(asking.getAttribute('data-confirm'))) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);

// A button marked data-copy="id" copies that element's text (a one-time password, a token) to the clipboard.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  var text = source.value !== undefined ? source.value : source.textContent;
  if (navigator.clipboard) {
    navigator.clipboard.writeText(text.trim()).then(function () {
      button.classList.add('copied');
    });
  }
  else if (source.select) {
    source.select();
  }
});

// A filter changed in the archive's side bar runs the search again (htmx swaps the results and facets).
document.addEventListener('change', function (event) {
  var form = event.target.form;
  if (form && form.id === 'search' && form.requestSubmit) {
    form.requestSubmit();
  }
});
