// « Point précis » of a request: with JavaScript, a map where a click (or Enter on the map, keyboard) sets the
// latitude and longitude fields; they stay visible and typed values still count. Without JavaScript, the fields.
(function () {
  "use strict";
  var box = document.getElementById("carte-point");
  var lat = document.getElementById("id_latitude"), lon = document.getElementById("id_longitude");
  if (!box || !lat || !lon) return;
  box.hidden = false;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = box.dataset.leafletCss;
  document.head.appendChild(css);
  var js = document.createElement("script");
  js.src = box.dataset.leafletJs;
  js.onload = function () {
    if (!window.L) return;
    var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [48.73, 2.27];
    var map = L.map(box, {scrollWheelZoom: false}).setView(start, lat.value ? 17 : 12);
    L.tileLayer(box.dataset.tiles, {maxZoom: 19, attribution: "© OpenStreetMap"}).addTo(map);
    var marker = lat.value ? L.marker(start).addTo(map) : null;
    map.on("click", function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      if (marker) marker.setLatLng(e.latlng); else marker = L.marker(e.latlng).addTo(map);
    });
  };
  document.head.appendChild(js);
})();
