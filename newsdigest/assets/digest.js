/* Selecting a highlight (click, tap, Enter or Space) jumps to its note. */
(function () {
  function open(mark) {
    var target = mark.getAttribute("data-target");
    var note = document.getElementById(mark.classList.contains("dn-claim") ? "claims" : "note-" + target);
    if (!note) return;
    history.replaceState(null, "", "#" + note.id);
    note.scrollIntoView({ block: "start" });
    note.focus({ preventScroll: true });
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.dn-hl");
    if (mark && !event.target.closest("a")) open(mark);
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.dn-hl");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); open(mark); }
  });
})();
