"use strict";
// The export page's "select all" box (templates/admin/import_export/export.html): the handler
// that django-import-export writes inline, bound from a file for the Content-Security-Policy.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input.select-toggle").forEach((toggle) => {
    toggle.addEventListener("change", onSelectToggleChange);
  });
});
