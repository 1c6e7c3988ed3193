// The map beside the list: numbered markers in list order. Loaded only when JavaScript runs.
(function () {
  "use strict";
  var box = document.getElementById("carte"), source = document.getElementById("map-data");
  if (!box || !source || !window.L) return;
  var data = JSON.parse(source.textContent);
  var places = data.lieux.filter(function (p) { return p.lat !== null; });
  if (!places.length) return;
  box.textContent = "";
  box.classList.add("ready");
  var map = L.map(box, {scrollWheelZoom: false, keyboard: false});
  L.tileLayer(box.dataset.tiles, {maxZoom: 19, attribution: box.dataset.attribution}).addTo(map);
  var bounds = [];
  places.forEach(function (p) {
    var icon = L.divIcon({className: "marker-num", html: String(p.n || "•"), iconSize: [24, 24]});
    var marker = L.marker([p.lat, p.lon], {icon: icon, title: p.nom, alt: p.nom, keyboard: false}).addTo(map);
    if (p.url) marker.bindPopup(link(p));
    bounds.push([p.lat, p.lon]);
  });
  function link(p) {
    var a = document.createElement("a");
    a.href = p.url;
    a.textContent = p.n + ". " + p.nom;
    return a;
  }
  if (data.centre && data.rayon) {
    L.circle(data.centre, {radius: data.rayon * 1000, color: "#0b4f9c", weight: 1, fill: false, interactive: false}).addTo(map);
    bounds.push(data.centre);
  }
  if (bounds.length === 1) map.setView(bounds[0], 16); else map.fitBounds(bounds, {padding: [20, 20], maxZoom: 15});
  // The list is the way to reach places by keyboard; the map is a picture of it.
  box.setAttribute("aria-hidden", "true");
  box.querySelectorAll("a, [tabindex]").forEach(function (el) { el.setAttribute("tabindex", "-1"); });
})();
