// Forms with errors: the summary is read first, and each of its links puts the cursor in the field it names.
// Without JavaScript the links still scroll to the field; this only adds the focus.
(function () {
  var summary = document.getElementById('erreurs');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    var field = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({block: 'center'});
  });
})();
