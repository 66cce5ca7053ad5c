"use strict";
// Names for the admin's widgets that come without one (found by axe-core,
// tests/browser/test_accessibility.py), loaded on every admin page by admin/base_site.html:
// - autocomplete fields (select2): the combobox and the value it shows are named by the
//   field's label (in a tabular inline, its column's heading), the search box of a multiple
//   choice too;
// - the magnifier icons of the two-box choosers (filter_horizontal) carry an aria-label on a
//   plain span, which has no role to name: they become images;
// - the fields of a tabular inline (one row per line, no label) are named by their column's
//   heading and the row's number;
// - the date and the time boxes of a date-and-time field by the field's label and their word;
// - an inline that scrolls sideways (on a phone) takes the keyboard's focus, so that it can be
//   scrolled without a mouse, as a region named by its heading.
// Widgets appear after this runs (select2 starts on DOMContentLoaded, an inline row is added by
// a click), so a MutationObserver names them as they come.
(() => {
  function label(forId) {
    const found = document.querySelector(`label[for="${CSS.escape(forId)}"]`);
    if (found && !found.id) found.id = `${forId}-label`;
    return found;
  }

  let headings = 0;
  function heading(control) {
    // The heading of a tabular inline's column, for a control in one of its rows.
    const cell = control.closest(".tabular td");
    const head = cell && cell.closest("table").tHead;
    const found = head && head.rows[0] && head.rows[0].cells[cell.cellIndex];
    if (found && !found.id) found.id = `inline-heading-${++headings}`;
    return found;
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.select2-hidden-accessible[id]").forEach((select) => {
      const field = label(select.id) || heading(select);
      const widget = select.nextElementSibling;
      if (!field || !widget || !widget.classList.contains("select2")) return;
      const combobox = widget.querySelector(".select2-selection[role=combobox]");
      const shown = widget.querySelector(".select2-selection__rendered[id]");
      if (combobox && !combobox.dataset.named) {
        const ids = [field.id];
        if (shown) ids.push(shown.id);
        combobox.setAttribute("aria-labelledby", ids.join(" "));
        combobox.dataset.named = "1";
      }
      if (shown && shown.getAttribute("role") === "textbox") {
        shown.setAttribute("aria-labelledby", field.id);
      }
      widget.querySelectorAll(".select2-search__field:not([aria-labelledby])").forEach((box) => {
        box.setAttribute("aria-labelledby", field.id);
      });
    });
  }

  function nameIcons(root) {
    root.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach((icon) => {
      icon.setAttribute("role", "img");
    });
  }

  function nameInlineFields(root) {
    root.querySelectorAll(".tabular table").forEach((table) => {
      const headings = table.tHead && table.tHead.rows[0];
      if (!headings) return;
      Array.from(table.tBodies).forEach((body) => {
        Array.from(body.rows).forEach((row, index) => {
          row.querySelectorAll("input, select, textarea").forEach((control) => {
            if (control.type === "hidden" || control.labels.length) return;
            if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby")) {
              return;
            }
            const cell = control.closest("td");
            const heading = cell && headings.cells[cell.cellIndex];
            const text = heading && heading.textContent.replace(/\s+/g, " ").trim();
            if (text) control.setAttribute("aria-label", `${text} (${index + 1})`);
          });
        });
      });
    });
  }

  function nameSplitFields(root) {
    // A date and a time box under one label that names neither (AdminSplitDateTime): each is
    // named by the field's label and the word before it ("Last login Date").
    root.querySelectorAll(".form-row p.datetime input").forEach((control) => {
      if (control.labels.length || control.hasAttribute("aria-label")) return;
      const field = control.closest(".form-row").querySelector("label");
      if (!field) return;
      let before = control.previousSibling;
      while (before && before.nodeType === Node.ELEMENT_NODE && before.tagName === "BR") {
        before = before.previousSibling;
      }
      const part = before && before.nodeType === Node.TEXT_NODE ? before.textContent : "";
      const words = [field.textContent, part].map((text) => text.replace(/[:\s]+$/, "").trim());
      control.setAttribute("aria-label", words.filter(Boolean).join(" "));
    });
  }

  function focusableScrollers(root) {
    // An inline wider than a phone scrolls sideways: the keyboard must reach it to scroll it.
    root.querySelectorAll(".inline-group").forEach((group) => {
      if (group.hasAttribute("tabindex") || group.scrollWidth <= group.clientWidth + 1) return;
      group.tabIndex = 0;
      group.setAttribute("role", "region");
      const title = group.querySelector("h2");
      if (title) {
        if (!title.id) title.id = `${group.id || "inline"}-title`;
        group.setAttribute("aria-labelledby", title.id);
      }
    });
  }

  function nameAll() {
    nameAutocompletes(document);
    nameIcons(document);
    nameInlineFields(document);
    nameSplitFields(document);
    focusableScrollers(document);
  }

  let queued = false;
  function soon() {
    if (queued) return;
    queued = true;
    window.setTimeout(() => {
      queued = false;
      nameAll();
    }, 0);
  }

  function start() {
    nameAll();
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", soon);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
