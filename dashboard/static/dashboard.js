// Live size of a text as it will be sent: characters, SMS segments and encoding (as bot/i18n/segments.py counts
// them), and the estimated cost at the configured price per segment.
(function () {
  "use strict";
  var BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var EXTENDED = "^{}\\[~]|€\f";

  function size(text) {
    var septets = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (BASIC.indexOf(ch) >= 0) { septets += 1; }
      else if (EXTENDED.indexOf(ch) >= 0) { septets += 2; }
      else { return { encoding: "UCS-2", segments: count(text.length, 70, 67) }; }
    }
    return { encoding: "GSM-7", segments: count(septets, 160, 153) };
  }

  function count(units, single, multi) {
    if (units === 0) { return 0; }
    return units <= single ? 1 : Math.ceil(units / multi);
  }

  function describe(field, out) {
    var text = field.value;
    var max = parseInt(field.getAttribute("maxlength"), 10) || 1600;
    var info = size(text);
    var chars = Array.from(text).length;
    if (chars === 0) { out.textContent = "Up to " + max + " characters."; return; }
    var cost = parseFloat(field.getAttribute("data-segment-cost"));
    out.textContent = chars + " of " + max + " characters · " + info.segments + " segment" +
      (info.segments === 1 ? "" : "s") + " (" + info.encoding + ")" +
      (isNaN(cost) ? "" : " · about $" + (info.segments * cost).toFixed(4) + " (estimate)");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-segments]").forEach(function (field) {
      var out = document.getElementById(field.getAttribute("data-segments"));
      if (!out) { return; }
      var timer = null;
      field.addEventListener("input", function () {
        clearTimeout(timer);  // announce the size once typing pauses, not on every key
        timer = setTimeout(function () { describe(field, out); }, 400);
      });
      describe(field, out);
    });
  });
})();

// A conversation opens at its latest message (unless the address points at one): that is where
// the CHW picks up, and a long history would otherwise push it thousands of pixels down.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location.hash) { return; }
    var messages = document.querySelectorAll("#transcript .msg");
    if (messages.length) { messages[messages.length - 1].scrollIntoView({ block: "center" }); }
  });
})();
