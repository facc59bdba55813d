// Picture view: a click on the picture sets the focal point there (0..1 of the picture as shown).
(function () {
  var picture = document.getElementById('picture');
  var form = document.getElementById('focus-form');
  if (!picture || !form) { return; }
  var marker = picture.parentNode.querySelector('.marker');
  // the focal point the picture has now, marked from the start
  place();
  picture.addEventListener('click', function (event) {
    var box = picture.getBoundingClientRect();
    var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    form.querySelector('[name=x]').value = x.toFixed(3);
    form.querySelector('[name=y]').value = y.toFixed(3);
    marker.setAttribute('data-x', x);
    marker.setAttribute('data-y', y);
    place();
    form.requestSubmit();
  });
  // The marker sits on the focal point; its position is set from script (the page policy allows no style=), so
  // without script it stays hidden and the numbers below say where the point is.
  function place() {
    marker.classList.add('placed');
    marker.style.left = (parseFloat(marker.getAttribute('data-x')) * 100) + '%';
    marker.style.top = (parseFloat(marker.getAttribute('data-y')) * 100) + '%';
  }
})();
