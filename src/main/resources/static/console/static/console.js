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

// A filter changed in the archive's side bar runs the search again (htmx swaps the results and facets).
document.addEventListener('change', function (event) {
  var form = event.target.form;
  if (form && form.id === 'search' && form.requestSubmit) {
    form.requestSubmit();
  }
});
