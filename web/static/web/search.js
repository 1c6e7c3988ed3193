// Progressive enhancements of the search form: commune suggestions and « autour de moi ».
(function () {
  "use strict";
  var input = document.getElementById("id_ou");
  var list = document.getElementById("communes-suggestions");
  if (input && list && window.fetch) {
    var timer, last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === last || /\(\d{5}\)$/.test(q)) return;
      timer = setTimeout(function () {
        last = q;
        fetch((list.dataset.url || "/communes/") + "?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
          list.textContent = "";
          data.communes.forEach(function (c) {
            var option = document.createElement("option");
            option.value = c.label;
            list.appendChild(option);
          });
        }).catch(function () {});
      }, 200);
    });
    input.addEventListener("input", function () {
      var lat = document.getElementById("id_lat"), lon = document.getElementById("id_lon");
      if (lat && input.value !== "Ma position") { lat.value = ""; lon.value = ""; }
    });
  }
  var around = document.getElementById("autour-de-moi");
  if (around && navigator.geolocation) {
    around.hidden = false;
    around.addEventListener("click", function () {
      around.textContent = around.dataset.searching || "Recherche de votre position…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById("id_lat").value = pos.coords.latitude.toFixed(5);
        document.getElementById("id_lon").value = pos.coords.longitude.toFixed(5);
        input.value = "";
        input.form.submit();
      }, function () {
        around.textContent = around.dataset.notFound || "Position introuvable : saisissez votre commune";
      }, {timeout: 10000});
    });
  }
  var errors = document.getElementById("erreurs");
  if (errors) errors.focus();
})();
