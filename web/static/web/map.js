// The map beside the list. Leaflet (code, styles) and the tiles are fetched only once the map is on screen:
// a narrow screen that never scrolls down to it loads neither. The list is the way to reach places by
// keyboard and screen reader; the map is a picture of it.
(function () {
  "use strict";
  var box = document.getElementById("carte"), source = document.getElementById("map-data");
  if (!box || !source) return;

  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = box.dataset.leafletCss;
    document.head.appendChild(css);
    var js = document.createElement("script");
    js.src = box.dataset.leafletJs;
    js.onload = draw;
    document.head.appendChild(js);
  }

  if ("IntersectionObserver" in window) {
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { watcher.disconnect(); load(); }
    }, {rootMargin: "200px"});
    watcher.observe(box);
  } else {
    load();
  }

  // Places at (nearly) the same position are fanned out around it, a few pixels apart, so each stays visible.
  function offsets(places) {
    var groups = {};
    places.forEach(function (p) {
      var key = p.lat.toFixed(4) + "," + p.lon.toFixed(4);
      (groups[key] = groups[key] || []).push(p);
    });
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      group.forEach(function (p, i) {
        var angle = 2 * Math.PI * i / group.length;
        p.dx = group.length > 1 ? Math.round(14 * Math.cos(angle)) : 0;
        p.dy = group.length > 1 ? Math.round(14 * Math.sin(angle)) : 0;
      });
    });
  }

  function link(p) {
    var a = document.createElement("a");
    a.href = p.url;
    a.textContent = p.n + ". " + p.nom;
    return a;
  }

  function draw() {
    var data = JSON.parse(source.textContent);
    var places = data.lieux.filter(function (p) { return p.lat !== null; });
    if (!places.length || !window.L) return;
    offsets(places);
    box.textContent = "";
    box.classList.add("ready");
    var map = L.map(box, {scrollWheelZoom: false, keyboard: false});
    L.tileLayer(box.dataset.tiles, {maxZoom: 19, attribution: box.dataset.attribution}).addTo(map);
    var bounds = [];
    places.forEach(function (p) {
      var icon = L.divIcon({className: "marker-num", html: String(p.n || "•"), iconSize: [24, 24], iconAnchor: [12 - p.dx, 12 - p.dy]});
      var marker = L.marker([p.lat, p.lon], {icon: icon, title: p.nom, alt: p.nom, keyboard: false}).addTo(map);
      if (p.url) marker.bindPopup(link(p));
      bounds.push([p.lat, p.lon]);
    });
    if (data.centre) {
      var here = L.divIcon({className: "marker-centre", html: "", iconSize: [18, 18]});
      L.marker(data.centre, {icon: here, title: data.libelle || box.dataset.centreLabel || "Lieu recherché", keyboard: false, zIndexOffset: -100}).addTo(map);
      if (data.rayon) {
        L.circle(data.centre, {radius: data.rayon * 1000, color: "#0b4f9c", weight: 1, fill: false, interactive: false}).addTo(map);
      }
      bounds.push(data.centre);
    }
    if (bounds.length === 1) map.setView(bounds[0], 16); else map.fitBounds(bounds, {padding: [20, 20], maxZoom: 15});
    box.setAttribute("aria-hidden", "true");
    box.querySelectorAll("a, [tabindex]").forEach(function (el) { el.setAttribute("tabindex", "-1"); });
  }
})();
