/* Études terrain — refreshes the progress page's figures without reloading the page.
   The page works without it (its "Rafraîchir" link). Same origin only; no eval, no inline code:
   the console's Content-Security-Policy allows this file and nothing else. */
(function () {
  "use strict";
  var region = document.getElementById("figures");
  var box = document.getElementById("auto-refresh-box");
  var toggle = document.getElementById("auto-refresh");
  var status = document.getElementById("refresh-status");
  if (!region || !box || !toggle || !window.fetch) { return; }
  var seconds = Math.max(2, parseInt(region.getAttribute("data-refresh-seconds"), 10) || 30);
  box.hidden = false;

  function stop() {
    toggle.checked = false;
    status.textContent = status.getAttribute("data-failed");
  }

  function refresh() {
    if (!toggle.checked || document.hidden) { return; }
    var url = new URL(window.location.href);
    url.searchParams.set("fragment", "1");
    fetch(url.toString(), { credentials: "same-origin", redirect: "manual", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (response.status !== 200 || response.headers.get("X-Etudes-Fragment") !== "progress") {
          throw new Error("not the figures");
        }
        return response.text();
      })
      .then(function (html) { region.innerHTML = html; status.textContent = ""; })
      .catch(stop);
  }

  window.setInterval(refresh, seconds * 1000);
}());
