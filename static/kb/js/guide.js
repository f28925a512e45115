/* Small enhancements for the guide's pages; everything works without this script.
   - The guide menu and the table of contents are <details> elements: open them on screens wide
     enough to show them beside the text, leave them folded on phones.
   - Wide tables in an article scroll sideways inside their own box instead of squeezing. */
(function () {
  "use strict";
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };

  each("details[data-open-from]", function (details) {
    var wide = window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")");
    var sync = function () { details.open = wide.matches; };
    sync();
    if (wide.addEventListener) { wide.addEventListener("change", sync); }
  });

  /* On a phone, fold the table of contents away once a reader has picked a heading. */
  each(".toc a", function (link) {
    link.addEventListener("click", function () {
      var details = link.closest("details");
      if (details && !window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")").matches) {
        details.open = false;
      }
    });
  });

  each(".prose table", function (table, index) {
    var box = document.createElement("div");
    box.className = "table-scroll";
    box.setAttribute("role", "region");
    box.setAttribute("tabindex", "0");
    box.setAttribute("aria-label", "Table " + (index + 1) + " (scrolls sideways)");
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
}());
