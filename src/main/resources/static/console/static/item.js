// The item editor: a rich body (bold, heading, list, a picture from the archive) kept in the body field.
(function () {
  var rich = document.querySelector('.rich');
  if (rich) { richEditor(rich); }

  // Enter in a picker's search box searches; it does not save the item.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.classList && event.target.classList.contains('no-submit')) {
      event.preventDefault();
      event.target.dispatchEvent(new Event('search'));
    }
  });

  function richEditor(rich) {
    var field = rich.querySelector('textarea');
    var area = document.createElement('div');
    area.className = 'area';
    area.contentEditable = 'true';
    area.setAttribute('role', 'textbox');
    area.setAttribute('aria-multiline', 'true');
    area.setAttribute('aria-label', rich.getAttribute('data-label'));
    area.innerHTML = field.value;
    var bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.appendChild(tool(rich.getAttribute('data-bold'), function () { document.execCommand('bold'); }));
    bar.appendChild(tool(rich.getAttribute('data-heading'), function () { document.execCommand('formatBlock', false, 'h2'); }));
    bar.appendChild(tool(rich.getAttribute('data-list'), function () { document.execCommand('insertUnorderedList'); }));
    var picture = tool(rich.getAttribute('data-picture'), function () { openPicker(rich, area, sync); });
    picture.classList.add('insert-picture');
    bar.appendChild(picture);
    field.hidden = true;
    rich.insertBefore(bar, field);
    rich.insertBefore(area, field);
    var label = document.querySelector('label[for="' + field.id + '"]');
    if (label) { label.addEventListener('click', function () { area.focus(); }); }
    function sync() { field.value = area.innerHTML; }
    area.addEventListener('input', sync);
    field.form.addEventListener('submit', sync);
  }

  function tool(text, action) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('mousedown', function (event) { event.preventDefault(); });
    button.addEventListener('click', action);
    return button;
  }

  var saved = null;

  function openPicker(rich, area, sync) {
    var selection = window.getSelection();
    saved = selection.rangeCount && area.contains(selection.anchorNode) ? selection.getRangeAt(0) : null;
    var dialog = document.getElementById('picture-dialog');
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'picture-dialog';
      dialog.className = 'card';
      document.body.appendChild(dialog);
      dialog.addEventListener('click', function (event) {
        var pick = event.target.closest('button.insert');
        if (!pick) { return; }
        insert(area, pick.getAttribute('data-asset-id'), pick.getAttribute('data-alt'), rich.getAttribute('data-media'));
        sync();
        dialog.close();
      });
    }
    fetch(rich.getAttribute('data-pick'), { credentials: 'same-origin' }).then(function (r) { return r.text(); })
      .then(function (html) {
        dialog.innerHTML = html;
        var close = document.createElement('button');
        close.type = 'button';
        close.textContent = '×';
        close.className = 'close';
        close.setAttribute('aria-label', rich.getAttribute('data-close'));
        close.addEventListener('click', function () { dialog.close(); });
        var heading = document.createElement('h2');
        heading.textContent = rich.getAttribute('data-picture');
        dialog.insertBefore(heading, dialog.firstChild);
        dialog.setAttribute('aria-label', heading.textContent);
        dialog.insertBefore(close, dialog.firstChild);
        dialog.showModal();
      });
  }

  function insert(area, id, alt, media) {
    var img = document.createElement('img');
    img.src = media + id + '/original';
    img.alt = alt || '';
    img.setAttribute('data-asset-id', id);
    area.focus();
    if (saved) {
      saved.deleteContents();
      saved.insertNode(img);
    } else {
      area.appendChild(img);
    }
  }
})();
