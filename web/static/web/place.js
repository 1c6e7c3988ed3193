// Place page enhancements: copy the link, print the sheet.
(function () {
  "use strict";
  var copy = document.getElementById("copier-lien");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.url).then(function () {
        var done = document.getElementById("copie-ok");
        done.textContent = done.dataset.done || "Lien copié.";
      });
    });
  }
  var print = document.getElementById("imprimer");
  if (print) {
    print.hidden = false;
    var how = document.getElementById("comment-imprimer");
    if (how) how.hidden = true;
    print.addEventListener("click", function () { window.print(); });
  }
})();
