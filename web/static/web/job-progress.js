// Progress of a background job (an import): while it is not finished, refresh its panel every few seconds;
// when it is, reload the page to show the report. Without JavaScript, the « Actualiser » link does the same.
(function () {
  "use strict";
  var panel = document.getElementById("job-progress");
  if (!panel || !window.fetch || !window.DOMParser) return;
  var seconds = Number(panel.getAttribute("data-job-refresh")) || 3;
  var paused = false;
  var timer = null;

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button";
  toggle.textContent = "Arrêter l’actualisation automatique";
  toggle.addEventListener("click", function () {
    paused = !paused;
    toggle.textContent = paused ? "Reprendre l’actualisation automatique" : "Arrêter l’actualisation automatique";
    if (paused) clearTimeout(timer); else schedule();
  });
  var holder = document.createElement("p");
  holder.appendChild(toggle);
  panel.appendChild(holder);

  function schedule() {
    timer = setTimeout(poll, seconds * 1000);
  }

  function poll() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var next = fresh.getElementById("job-progress");
        if (!next) { window.location.reload(); return; }  // finished: the report
        document.getElementById("job-progress-live").innerHTML = fresh.getElementById("job-progress-live").innerHTML;
        var title = document.getElementById("job-progress-title");
        if (title.textContent !== fresh.getElementById("job-progress-title").textContent) title.textContent = fresh.getElementById("job-progress-title").textContent;
        if (!paused) schedule();
      })
      .catch(function () { if (!paused) schedule(); });
  }
  schedule();
})();
