/* Glossary term links: a term's short definition in a tooltip, on hover, keyboard focus or tap.
 *
 * The definition is already in the page, as plain text in the hidden span each term link names
 * with aria-describedby (kb/glossary_links.py), so screen readers announce it as the link's
 * description with or without this script. The script only shows that span next to the link,
 * inside the viewport: it never builds markup from text. Without it a term link is an ordinary
 * link to the term's page.
 *
 * Mouse: shown while the pointer is on the link or the tooltip. Keyboard: shown while the link
 * has focus. Touch: the first tap shows the definition, a second tap follows the link.
 * Escape or a tap elsewhere hides it.
 */
(function () {
  "use strict";

  var links = document.querySelectorAll("a.term-link[aria-describedby]");
  if (!links.length) return;
  var GAP = 6;
  var MARGIN = 8;
  var current = null; // the open tooltip's {link, tip}
  var hideTimer = null;
  var lastPointer = "";
  var tapped = null; // the link whose definition a first tap opened

  function tipFor(link) {
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    return tip && tip.classList.contains("term-tip") ? tip : null;
  }

  function place(link, tip) {
    var root = document.documentElement;
    var rects = link.getClientRects();
    var below = rects.length ? rects[rects.length - 1] : link.getBoundingClientRect();
    var above = rects.length ? rects[0] : below;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var size = tip.getBoundingClientRect();
    var left = Math.min(below.left, root.clientWidth - size.width - MARGIN);
    var top = below.bottom + GAP;
    if (top + size.height > root.clientHeight - MARGIN && above.top - GAP - size.height >= MARGIN) {
      top = above.top - GAP - size.height;
    }
    tip.style.left = Math.max(MARGIN, left) + "px";
    tip.style.top = Math.max(MARGIN, top) + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    var tip = tipFor(link);
    if (!tip) return;
    if (current && current.tip !== tip) hide();
    tip.hidden = false;
    place(link, tip);
    current = { link: link, tip: tip };
  }

  function hide() {
    clearTimeout(hideTimer);
    tapped = null;
    if (!current) return;
    current.tip.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  Array.prototype.forEach.call(links, function (link) {
    var tip = tipFor(link);
    if (!tip) return;
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hideSoon);
    link.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; });
    link.addEventListener("click", function (event) {
      var touch = lastPointer === "touch";
      lastPointer = ""; // a later Enter key is a keyboard click
      if (!touch || tapped === link) return; // not a tap, or the second tap: follow the link
      event.preventDefault();
      show(link);
      tapped = link;
    });
    /* The pointer may move onto the tooltip (to read or select it) without it closing. */
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
  });

  document.addEventListener("keydown", function (event) {
    if (current && (event.key === "Escape" || event.key === "Esc")) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (current && !current.link.contains(event.target) && !current.tip.contains(event.target)) {
      hide();
    }
  });
  function follow() {
    if (current) place(current.link, current.tip);
  }
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow);
}());
