/* Annotated news digest: notes open in place, glossary tooltips, targeted passages.
 *
 * This script runs at the end of <body>, before Material mounts its
 * components on DOMContentLoaded, so the titles and note panels made here
 * get Material's tooltips like everything else (navigation.instant is off).
 */
(function () {
  "use strict";
  var BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, td, th";

  /* A note's highlight becomes a disclosure button for a panel after its paragraph. */
  function notePanel(mark, index, total) {
    var id = mark.getAttribute("data-target");
    var heading = document.getElementById("note-" + id);
    var note = heading && heading.parentNode;
    if (!note) return;
    if (mark.closest("a")) {  /* a button inside a link cannot work: the link wins, the note is listed */
      mark.removeAttribute("tabindex");
      return;
    }
    var kind = note.className.replace("dn-note", "").trim();
    var panel = document.createElement("div");
    panel.className = "dn-pop " + kind;
    panel.id = "pop-" + id;
    panel.hidden = true;
    panel.tabIndex = -1;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-labelledby", panel.id + "-h");
    var head = document.createElement("p");
    head.className = "dn-pop-head";
    var label = document.createElement("span");
    label.id = panel.id + "-h";
    label.appendChild(heading.querySelector(".dn-badge").cloneNode(true));
    label.appendChild(document.createTextNode(" Note " + index + " of " + total));
    var close = document.createElement("button");
    close.type = "button";
    close.className = "dn-pop-close";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close note " + index);
    head.append(label, close);
    panel.appendChild(head);
    Array.prototype.forEach.call(note.children, function (part) {
      if (part === heading) return;
      var copy = part.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      panel.appendChild(copy);
    });
    var back = panel.querySelector('.dn-note-links a[href^="#hl-"]');
    if (back) {
      if (back.nextSibling && back.nextSibling.nodeType === 3) back.nextSibling.remove();
      back.remove();
    }
    var pieces = document.querySelectorAll('mark.dn-hl[data-target="' + id + '"]:not(.dn-claim)');
    var last = pieces[pieces.length - 1];
    var block = last.closest(BLOCKS);
    if (/^(LI|TD|TH)$/.test(block.tagName)) {
      block.appendChild(panel);
    } else {
      var after = block;
      while (after.nextElementSibling && after.nextElementSibling.classList.contains("dn-pop")) {
        after = after.nextElementSibling;
      }
      after.after(panel);
    }
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-expanded", "false");
    mark.setAttribute("aria-controls", panel.id);
    if (document.getElementById("kind-" + kind.replace("dn-", ""))) {
      mark.setAttribute("aria-describedby", "kind-" + kind.replace("dn-", ""));
    }
  }

  function toggle(button, open) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    if (open === undefined) open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open) {
      panel.focus({ preventScroll: true });
      panel.scrollIntoView({ block: "nearest" });
    } else if (panel.contains(document.activeElement)) {
      button.focus();
    }
  }

  function buttonFor(target) {
    var mark = target.closest && target.closest("mark.dn-hl:not(.dn-claim)");
    if (!mark || target.closest("a")) return null;
    return document.getElementById("hl-" + mark.getAttribute("data-target"));
  }

  function markTargeted() {
    document.querySelectorAll(".dn-targeted").forEach(function (el) { el.classList.remove("dn-targeted"); });
    var target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !target.matches("mark.dn-hl")) return;
    var selector = target.classList.contains("dn-claim") ? "mark.dn-claim" : "mark.dn-hl:not(.dn-claim)";
    document.querySelectorAll(selector + '[data-target="' + target.getAttribute("data-target") + '"]')
      .forEach(function (el) { el.classList.add("dn-targeted"); });
  }

  /* Material's search dialog has no accessible name (axe: aria-dialog-name). */
  var search = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  if (search) search.setAttribute("aria-label", "Search");

  var marks = document.querySelectorAll(".dn-text mark.dn-hl[id^='hl-']");
  marks.forEach(function (mark, i) { notePanel(mark, i + 1, marks.length); });

  /* Glossary: the first occurrence of a term carries its definition; copy it to the others. */
  var definitions = {};
  document.querySelectorAll("abbr[data-t][title]").forEach(function (abbr) {
    definitions[abbr.getAttribute("data-t")] = abbr.title;
  });
  document.querySelectorAll("abbr[data-t]:not([title])").forEach(function (abbr) {
    var text = definitions[abbr.getAttribute("data-t")];
    if (text) abbr.title = text;
  });

  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest(".dn-pop-close");
    if (close) {
      var panel = close.closest(".dn-pop");
      var owner = document.querySelector('[aria-controls="' + panel.id + '"]');
      if (owner) { toggle(owner, false); owner.focus(); }
      return;
    }
    var button = buttonFor(event.target);
    if (button && !window.getSelection().toString()) toggle(button);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var panel = event.target.closest && event.target.closest(".dn-pop");
      var owner = panel && document.querySelector('[aria-controls="' + panel.id + '"]');
      if (owner) { toggle(owner, false); owner.focus(); }
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") return;
    var mark = event.target;
    if (mark.matches && mark.matches("mark.dn-hl[role=button]")) {
      event.preventDefault();
      toggle(mark);
    }
  });
  window.addEventListener("hashchange", markTargeted);
  markTargeted();
})();
