/* Open the guide menu and the table of contents on screens wide enough to show them beside
   the text; leave them folded on phones. Everything works without this script: the menus are
   <details> elements a reader can open and close. */
(function () {
  "use strict";
  var menus = document.querySelectorAll("details[data-open-from]");
  Array.prototype.forEach.call(menus, function (details) {
    var wide = window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")");
    var sync = function () { details.open = wide.matches; };
    sync();
    if (wide.addEventListener) { wide.addEventListener("change", sync); }
  });
  /* On phones, close the guide menu once a reader picks a link inside the same page. */
  Array.prototype.forEach.call(document.querySelectorAll(".toc a"), function (link) {
    link.addEventListener("click", function () {
      var details = link.closest("details");
      if (details && !window.matchMedia("(min-width: 80em)").matches) { details.open = false; }
    });
  });
}());
