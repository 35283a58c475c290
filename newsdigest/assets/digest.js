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

  /* Note and claim panels (issue "Reader trust and readability", items 1, 4 and 9).
     Each highlight becomes a disclosure button for a panel copied from its note (or, for a claim,
     from its card in "Claims in this article"). The panel is placed beside the passage without
     moving it: in the right margin when there is room, else on whichever side of the passage
     has more of the screen, at most 60% of it (a sheet on phones). The page never scrolls when a
     panel opens, and closing it brings the reader back to where they were. */
  var lastPanel = new Map();  /* block -> the last panel placed after it (reading order) */
  var SIDE_NOTE = 300, GAP = 8, SHARE = 0.6;
  var open = null;  /* {button, panel, scrollX, scrollY} of the open panel */

  function sourceOf(mark) {
    var id = targetOf(mark);
    var claim = mark.classList.contains("dn-claim");
    var heading = document.getElementById((claim ? "claim-" : "note-") + id);
    var owner = heading && heading.closest(claim ? ".dn-claim-card" : ".dn-note");
    return owner ? { id: id, claim: claim, heading: heading, owner: owner } : null;
  }

  function makePanel(mark, index, total) {
    var source = sourceOf(mark);
    if (!source) return;
    var ref = mark.parentNode && nextRef(mark, source);
    if (mark.closest("a")) return;  /* a button inside a link cannot work: the link wins, the note is listed */
    var id = source.id;
    var kind = source.claim ? "dn-claim" : source.owner.className.replace("dn-note", "").trim();
    var panel = document.createElement("div");
    panel.className = "dn-pop " + kind;
    panel.id = (source.claim ? "pop-cl-" : "pop-") + id;
    panel.hidden = true;
    panel.tabIndex = -1;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-labelledby", panel.id + "-h");
    var head = document.createElement("p");
    head.className = "dn-pop-head";
    var label = document.createElement("span");
    label.id = panel.id + "-h";
    var permalink = document.createElement("a");  /* as the note's heading in the list is */
    permalink.href = "#" + source.heading.id;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "dn-pop-close";
    close.textContent = "Close";
    var named = document.createElement("p");  /* the panel names its passage (or its claim) */
    named.className = "dn-pop-quote";
    if (source.claim) {
      var number = source.heading.querySelector(".dn-num").textContent.replace(".", "");
      var badge = document.createElement("span");
      badge.className = "dn-badge";
      badge.textContent = "Claim";
      permalink.textContent = number + " of " + total;
      label.append(badge, " ", permalink);
      close.setAttribute("aria-label", "Close claim " + number);
      var words = source.heading.cloneNode(true);
      words.querySelector(".dn-num").remove();
      named.textContent = words.textContent.trim();
    } else {
      label.appendChild(source.heading.querySelector(".dn-badge").cloneNode(true));
      permalink.textContent = "Note " + index + " of " + total;
      label.append(" ", permalink);
      close.setAttribute("aria-label", "Close note " + index);
      var quote = source.heading.querySelector("q");
      if (quote) named.appendChild(quote.cloneNode(true));
    }
    head.append(label, close);
    panel.append(head, named);
    Array.prototype.forEach.call(source.owner.children, function (part) {
      if (part === source.heading) return;
      var copy = part.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      panel.appendChild(copy);
    });
    var back = panel.querySelector('.dn-note-links a[href^="#hl-"], .dn-note-links a[href^="#cl-"]');
    if (back) {
      if (back.nextSibling && back.nextSibling.nodeType === 3) back.nextSibling.remove();
      if (back.parentNode.childNodes.length === 1) back.parentNode.remove();
      else back.remove();
    }
    var pieces = piecesOf(id, source.claim);
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
    var key = source.claim ? "kind-claim" : "kind-" + kind.replace("dn-", "");
    if (document.getElementById(key)) mark.setAttribute("aria-describedby", key);
    if (ref) {  /* the link to the note becomes the button's visible number */
      ref.removeAttribute("href");
      ref.setAttribute("aria-hidden", "true");
      ref.setAttribute("data-for", mark.id);
    }
  }

  /* The reference link written after the highlight's last piece (render/article.py). */
  function nextRef(mark, source) {
    var pieces = piecesOf(source.id, source.claim);
    var node = pieces[pieces.length - 1];
    while (node && !node.nextElementSibling && node.parentNode && node.parentNode.matches("mark.dn-hl")) {
      node = node.parentNode;
    }
    var href = "#" + source.heading.id;
    for (var next = node && node.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches("a.dn-ref")) {
        if (next.getAttribute("href") === href) return next;
      } else if (!next.matches("mark.dn-hl")) {
        break;
      }
    }
    return null;
  }

  function passageBox(button) {
    var pieces = piecesOf(targetOf(button), button.classList.contains("dn-claim"));
    var top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
    pieces.forEach(function (piece) {
      var box = piece.getBoundingClientRect();
      top = Math.min(top, box.top); bottom = Math.max(bottom, box.bottom);
      left = Math.min(left, box.left); right = Math.max(right, box.right);
    });
    return { top: top, bottom: bottom, left: left, right: right };
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    if (!header || getComputedStyle(header).position !== "sticky" && getComputedStyle(header).position !== "fixed") return 0;
    return Math.max(0, header.getBoundingClientRect().bottom);
  }

  /* Place `panel` (shown) beside its passage, in page coordinates of its containing block. */
  function place(button, panel) {
    var width = document.documentElement.clientWidth, height = window.innerHeight;
    var passage = passageBox(button);
    var column = (document.querySelector(".dn-text") || panel.parentNode).getBoundingClientRect();
    var top = headerBottom() + GAP;
    var style = panel.style;
    style.maxHeight = style.width = style.left = style.top = "";
    panel.classList.remove("dn-pop-side", "dn-pop-sheet");
    var box = { left: 0, top: 0, width: 0 };
    if (width - column.right >= SIDE_NOTE + 3 * GAP) {  /* a side note in the empty right margin */
      panel.classList.add("dn-pop-side");
      box.left = column.right + 2 * GAP;
      box.width = Math.min(width - box.left - 2 * GAP, 420);
      box.top = Math.max(top, passage.top);
      style.maxHeight = Math.max(160, height - box.top - GAP) + "px";
    } else {
      var phone = width < 720;
      if (phone) panel.classList.add("dn-pop-sheet");
      box.left = phone ? GAP : column.left;
      box.width = phone ? width - 2 * GAP : column.width;
      var below = height - passage.bottom - 2 * GAP, above = passage.top - top - GAP;
      var room = Math.min(SHARE * height, Math.max(below, above));
      style.maxHeight = Math.max(80, room) + "px";
      style.width = box.width + "px";
      var tall = panel.offsetHeight;
      if (below >= above) box.top = phone ? height - GAP - tall : passage.bottom + GAP;
      else box.top = phone ? top : passage.top - GAP - tall;
    }
    style.width = box.width + "px";
    var origin = (panel.offsetParent || document.body).getBoundingClientRect();
    style.left = (box.left - origin.left) + "px";
    style.top = (box.top - origin.top) + "px";
  }

  function closeOpen(restore) {
    if (!open) return;
    var was = open;
    open = null;
    was.button.setAttribute("aria-expanded", "false");
    was.panel.hidden = true;
    if (restore) {
      window.scrollTo(was.scrollX, was.scrollY);
      was.button.focus({ preventScroll: true });
    }
  }

  function toggle(button, show) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    if (show === undefined) show = button.getAttribute("aria-expanded") !== "true";
    if (!show) {
      if (open && open.button === button) closeOpen(panel.contains(document.activeElement));
      return;
    }
    closeOpen(false);
    open = { button: button, panel: panel, scrollX: window.scrollX, scrollY: window.scrollY };
    button.setAttribute("aria-expanded", "true");
    panel.hidden = false;
    place(button, panel);
    panel.focus({ preventScroll: true });
  }

  function buttonFor(target) {
    if (!target.closest) return null;
    var ref = target.closest("a.dn-ref[data-for]");
    if (ref) return document.getElementById(ref.getAttribute("data-for"));
    var mark = target.closest("mark.dn-hl");
    if (!mark || target.closest("a")) return null;
    var first = document.getElementById((mark.classList.contains("dn-claim") ? "cl-" : "hl-") + targetOf(mark));
    return first && first.getAttribute("role") === "button" ? first : null;
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
  var claimMarks = document.querySelectorAll(":is(.dn-head, .dn-text) mark.dn-hl[id^='cl-']");
  var original = document.querySelector(".dn-card a.dn-original");
  /* Links first, so that the note panels, copied from the notes, have them too. */
  if (original) marks.forEach(function (mark) { originalLink(mark, original.getAttribute("href")); });
  marks.forEach(function (mark, i) { makePanel(mark, i + 1, marks.length); });
  claimMarks.forEach(function (mark, i) { makePanel(mark, i + 1, claimMarks.length); });
  var skip = document.querySelector("a.dn-skip");  /* first on the page, before the header and navigation */
  if (skip) document.body.prepend(skip);

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
      closeOpen(true);
      return;
    }
    var button = buttonFor(event.target);
    if (button && !window.getSelection().toString()) toggle(button);
    else if (open && !open.panel.contains(event.target)) closeOpen(false);  /* a tap elsewhere */
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tipHost) hideTip();
    if (event.key === "Escape") {
      if (open && (open.panel.contains(event.target) || event.target === open.button)) closeOpen(true);
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") return;
    var mark = event.target;
    if (mark.matches && mark.matches("mark.dn-hl[role=button]")) {
      event.preventDefault();
      toggle(mark);
    }
  });
  window.addEventListener("resize", function () { if (open) place(open.button, open.panel); });
  /* The highlights switch: all, notes only, or off; the choice is kept where the browser allows. */
  var MODES = [["all", "All"], ["notes", "Notes only"], ["off", "Off"]], MODE_KEY = "newsdigest.highlights";
  var legendBox = document.querySelector("details.dn-legend");

  function savedMode() {
    try { return localStorage.getItem(MODE_KEY); } catch (error) { return null; }
  }

  function applyMode(mode) {
    document.documentElement.setAttribute("data-dn-highlights", mode);
    document.querySelectorAll(".dn-text mark.dn-hl[role=button], .dn-head mark.dn-hl[role=button]").forEach(function (mark) {
      var shown = mode === "all" || mode === "notes" && !mark.classList.contains("dn-claim");
      mark.tabIndex = shown ? 0 : -1;
    });
    terms.forEach(function (abbr) { if (abbr.hasAttribute("tabindex")) abbr.tabIndex = mode === "all" ? 0 : -1; });
    if (open && open.button.tabIndex < 0) closeOpen(false);
  }

  if (legendBox && (marks.length || claimMarks.length)) {
    var chosen = savedMode();
    if (!MODES.some(function (m) { return m[0] === chosen; })) chosen = "all";
    var box = document.createElement("fieldset");
    box.className = "dn-switch";
    box.setAttribute("data-search-exclude", "");
    var caption = document.createElement("legend");
    caption.textContent = "Highlights";
    box.appendChild(caption);
    MODES.forEach(function (m) {
      var option = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "dn-highlights";
      input.value = m[0];
      input.checked = m[0] === chosen;
      option.append(input, " " + m[1]);
      box.appendChild(option);
    });
    box.addEventListener("change", function (event) {
      applyMode(event.target.value);
      try { localStorage.setItem(MODE_KEY, event.target.value); } catch (error) { /* kept for this page only */ }
    });
    legendBox.before(box);
    applyMode(chosen);
  }

  window.addEventListener("hashchange", markTargeted);
  markTargeted();
})();
