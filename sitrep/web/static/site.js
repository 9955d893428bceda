// Small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Search filters that are <select class="autosubmit"> submit their form on change.
  document.querySelectorAll("select.autosubmit").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // Opening a figure's sources: open the <details> that holds the link target, if any.
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) {
    var details = target.closest("details");
    if (details) { details.open = true; }
  }
});
