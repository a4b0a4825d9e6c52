// The queue's alerts: the tab title counts urgent conversations waiting; a new urgent arrival can
// also play a short tone and show a browser notification, each only if this CHW turned it on
// (kept in this browser). A notification names no client and quotes no text: it can show on a
// locked screen.
(function () {
  "use strict";
  var SOUND = "enlace.queue.sound", NOTIFY = "enlace.queue.notify";
  var baseTitle = document.title;
  var seen = null;

  function urgentIds() {
    return Array.prototype.map.call(document.querySelectorAll("[data-urgent-waiting]"), function (item) {
      return item.getAttribute("data-conversation");
    });
  }

  function tone() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    var audio = new Context(), osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.1;
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.3);
  }

  function notify(count) {
    if (!("Notification" in window) || Notification.permission !== "granted") { return; }
    if (localStorage.getItem(NOTIFY) !== "on") { return; }
    new Notification("Enlace: urgent conversation waiting", {
      body: count === 1 ? "A client needs a CHW now." : count + " clients need a CHW now.", tag: "enlace-urgent",
    });
  }

  function update() {
    var ids = urgentIds();
    document.title = (ids.length ? "(" + ids.length + ") " : "") + baseTitle;
    if (seen !== null) {
      var arrived = ids.filter(function (id) { return seen.indexOf(id) < 0; });
      if (arrived.length) {
        if (localStorage.getItem(SOUND) === "on") { tone(); }
        notify(arrived.length);
      }
    }
    seen = ids;
  }

  function describeNotify(state) {
    var out = document.getElementById("alert-notify-state");
    if (!("Notification" in window)) { out.textContent = "This browser cannot show notifications."; return; }
    if (Notification.permission === "denied") { out.textContent = "Notifications are blocked in this browser's settings."; return; }
    out.textContent = localStorage.getItem(NOTIFY) === "on" && Notification.permission === "granted"
      ? "Browser notifications are on." : (state || "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("queue-alerts");
    var sound = document.getElementById("alert-sound");
    panel.hidden = false;
    sound.checked = localStorage.getItem(SOUND) === "on";
    sound.addEventListener("change", function () { localStorage.setItem(SOUND, sound.checked ? "on" : "off"); });
    document.getElementById("alert-notify").addEventListener("click", function () {
      if (!("Notification" in window)) { describeNotify(); return; }
      Notification.requestPermission().then(function (permission) {
        localStorage.setItem(NOTIFY, permission === "granted" ? "on" : "off");
        describeNotify(permission === "granted" ? "" : "Notifications were not allowed.");
      });
    });
    describeNotify();
    update();
    document.body.addEventListener("htmx:afterSettle", update);
  });
})();
