/* Annotated news digest: notes open in place, glossary tooltips, targeted passages.
 *
 * This script runs at the end of <body>, before Material mounts its
 * components on DOMContentLoaded (navigation.instant is off). Its tooltips
 * are its own and hold text only: Material's `content.tooltips` shows a
 * `title` as HTML, so no text an editor wrote is ever put in a `title`
 * (docs/guarantees.md, "Tooltips show text, never markup").
 * Every step is linear in the size of the page: highlights are indexed once.
 */
(function () {
  "use strict";
  var BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, td, th";
  /* Text fragments as tests/text_fragments.py builds them: whitespace as Python's str.split()
     sees it; every character outside TEXT_FRAGMENT_SAFE percent-encoded as UTF-8 (`-`, `,`
     and `&` are syntax in a text directive); long quotes matched by their first and last words. */
  var SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var UNSAFE = /[^A-Za-z0-9!$'()*+.\/:;=?@_~]/gu;
  var WORDS_IN_FULL = 10, EDGE_WORDS = 5;

  function directivePart(words) {
    return words.join(" ").replace(UNSAFE, function (ch) {
      return ch === "-" ? "%2D" : encodeURIComponent(ch);
    });
  }

  /* A highlight's first piece has the id (hl-<note> or cl-<claim>); the others name it in data-target. */
  function targetOf(mark) {
    return mark.getAttribute("data-target") || mark.id.slice(3);
  }

  /* Every highlight's pieces in page order, by "n:<note>" or "c:<claim>": built once, not one
     document-wide query per note (which made a page with 2,000 notes take 19 s). */
  var pieceIndex = null;

  function piecesOf(id, claim) {
    if (!pieceIndex) {
      pieceIndex = new Map();
      document.querySelectorAll(":is(.dn-head, .dn-text) mark.dn-hl").forEach(function (mark) {
        var key = (mark.classList.contains("dn-claim") ? "c:" : "n:") + targetOf(mark);
        var list = pieceIndex.get(key);
        if (list) list.push(mark);
        else pieceIndex.set(key, [mark]);
      });
    }
    var pieces = pieceIndex.get((claim ? "c:" : "n:") + id) || [];
    var first = document.getElementById((claim ? "cl-" : "hl-") + id);
    return first && pieces[0] !== first && pieces.indexOf(first) < 0 ? [first].concat(pieces) : pieces;
  }

  /* The highlight's text as the reader sees it, from its first piece to its last. */
  function passageText(id) {
    var pieces = piecesOf(id, false);
    if (!pieces.length) return "";
    var range = document.createRange();
    range.setStartBefore(pieces[0]);
    range.setEndAfter(pieces[pieces.length - 1]);
    return range.toString();
  }

  /* "Passage in the original": the original article scrolled to the note's passage. */
  function originalLink(mark, original) {
    var id = targetOf(mark);
    var heading = document.getElementById("note-" + id);
    var links = heading && heading.parentNode.querySelector(".dn-note-links");
    var words = passageText(id).split(SPACE).filter(Boolean);
    if (!links || !words.length) return;
    var directive;
    try {
      directive = words.length <= WORDS_IN_FULL ? directivePart(words)
        : directivePart(words.slice(0, EDGE_WORDS)) + "," + directivePart(words.slice(-EDGE_WORDS));
    } catch (error) {  /* a lone surrogate cannot be encoded: no link rather than a wrong one */
      return;
    }
    var link = document.createElement("a");
    link.setAttribute("href", original.split("#")[0] + "#:~:text=" + directive);
    link.textContent = "Passage in the original";
    links.append(" \u00b7 ", link);
  }

  var lastPanel = new Map();  /* block -> the last panel placed after it */

  /* A note's highlight becomes a disclosure button for a panel after its paragraph. */
  function notePanel(mark, index, total) {
    var id = targetOf(mark);
    var heading = document.getElementById("note-" + id);
    var note = heading && heading.parentNode;
    if (!note) return;
    if (mark.closest("a")) return;  /* a button inside a link cannot work: the link wins, the note is listed */
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
    var permalink = document.createElement("a");  /* as the note's heading in the list is */
    permalink.href = "#note-" + id;
    permalink.textContent = "Note " + index + " of " + total;
    label.append(" ", permalink);
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
      if (back.parentNode.childNodes.length === 1) back.parentNode.remove();
      else back.remove();
    }
    var pieces = piecesOf(id, false);
    var last = pieces[pieces.length - 1];
    var block = last.closest(BLOCKS);
    if (/^(LI|TD|TH)$/.test(block.tagName)) {
      block.appendChild(panel);
    } else {
      (lastPanel.get(block) || block).after(panel);
      lastPanel.set(block, panel);
    }
    mark.tabIndex = 0;
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
    return document.getElementById("hl-" + targetOf(mark));
  }

  function markTargeted() {
    document.querySelectorAll(".dn-targeted").forEach(function (el) { el.classList.remove("dn-targeted"); });
    var target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !target.matches("mark.dn-hl")) return;
    piecesOf(targetOf(target), target.classList.contains("dn-claim"))
      .forEach(function (el) { el.classList.add("dn-targeted"); });
  }

  /* Material's search dialog has no accessible name (axe: aria-dialog-name). */
  var search = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  if (search) search.setAttribute("aria-label", "Search");

  var marks = document.querySelectorAll(":is(.dn-head, .dn-text) mark.dn-hl[id^='hl-']");
  var original = document.querySelector(".dn-card a.dn-original");
  /* Links first, so that the note panels, copied from the notes, have them too. */
  if (original) marks.forEach(function (mark) { originalLink(mark, original.getAttribute("href")); });
  marks.forEach(function (mark, i) { notePanel(mark, i + 1, marks.length); });

  /* Glossary: the first occurrence of a term on the page carries its definition (data-d). Each
     term is described by a hidden element holding the definition as text, and can be focused
     unless it sits in a link or button. */
  var terms = document.querySelectorAll("abbr[data-t]");
  var definitions = new Map();
  terms.forEach(function (abbr) {
    if (abbr.hasAttribute("data-d")) definitions.set(abbr.getAttribute("data-t"), abbr.getAttribute("data-d"));
  });
  var described = document.createElement("div");
  described.hidden = true;
  definitions.forEach(function (text, key) {
    var definition = document.createElement("span");
    definition.id = "dn-def-" + key;
    definition.textContent = text;
    described.appendChild(definition);
  });
  document.body.appendChild(described);
  terms.forEach(function (abbr) {
    if (!definitions.has(abbr.getAttribute("data-t"))) return;
    abbr.setAttribute("aria-describedby", "dn-def-" + abbr.getAttribute("data-t"));
    if (!abbr.closest("a[href], button, [role=button]")) abbr.tabIndex = 0;
  });

  /* One tooltip for the page, filled with textContent: a term's definition, or the whole text of
     a title the theme cut off (its .md-ellipsis, renamed .dn-ellipsis by the plugin). */
  var tip = document.createElement("div");
  tip.className = "dn-tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");  /* screen readers get the definition from aria-describedby */
  document.body.appendChild(tip);
  var tipHost = null;

  function tipHostOf(target) {
    if (!target || !target.closest) return null;
    var host = target.closest("abbr[data-t], .dn-ellipsis");
    if (!host && target.matches("a")) host = target.querySelector(".dn-ellipsis");
    return host;
  }

  function showTip(host) {
    var text = host.matches(".dn-ellipsis")
      ? (host.scrollWidth > host.clientWidth ? host.textContent.trim() : "")
      : definitions.get(host.getAttribute("data-t")) || "";
    if (!text) return;
    tip.textContent = text;
    tip.hidden = false;
    tipHost = host;
    var box = host.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    tip.style.left = Math.max(4, Math.min(box.left, width - tip.offsetWidth - 4)) + window.scrollX + "px";
  }

  function hideTip() {
    tip.hidden = true;
    tipHost = null;
  }

  document.addEventListener("mouseover", function (event) {
    var host = tipHostOf(event.target);
    if (host && host !== tipHost) showTip(host);
  });
  document.addEventListener("mouseout", function (event) {
    if (tipHost && tipHost.contains(event.target) && !tipHost.contains(event.relatedTarget) &&
        !tipHost.contains(document.activeElement)) hideTip();
  });
  document.addEventListener("focusin", function (event) {
    var host = tipHostOf(event.target);
    if (host) showTip(host);
    else if (tipHost) hideTip();
  });
  document.addEventListener("focusout", function (event) {
    if (tipHost && tipHost.contains(event.target)) hideTip();
  });

  document.addEventListener("click", function (event) {
    var term = tipHostOf(event.target);  /* a tap shows the definition; a tap elsewhere hides it */
    if (term && term.matches("abbr")) showTip(term);
    else if (tipHost) hideTip();
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
    if (event.key === "Escape" && tipHost) hideTip();
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
