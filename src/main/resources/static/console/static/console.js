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
