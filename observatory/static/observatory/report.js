// The printable report: a « Imprimer » button once JavaScript runs (without it, the page says how to print).
(function () {
  "use strict";
  var print = document.getElementById("imprimer");
  if (!print) return;
  print.hidden = false;
  var how = document.getElementById("comment-imprimer");
  if (how) how.hidden = true;
  print.addEventListener("click", function () { window.print(); });
})();
