/* Search-as-you-type for the header search box.
 *
 * Progressive enhancement: without this script the box is a plain GET form to /search/.
 * With it, the input becomes a WAI-ARIA 1.2 combobox (list autocomplete) whose listbox offers
 * published titles and glossary terms from /search/suggest/?q=. Keys: Down/Up move through the
 * options (aria-activedescendant, focus stays in the input), Enter opens the highlighted option
 * (or submits the search when none is), Escape closes the list (a second Escape clears the box),
 * Tab moves on as usual. Requests are debounced and stale ones aborted.
 */
(function () {
  "use strict";

  var input = document.getElementById("site-search-q");
  if (!input || !input.form || !window.fetch) return;
  var form = input.form;
  var endpoint = form.getAttribute("data-suggest-url") || form.action.replace(/\/?$/, "/") + "suggest/";
  var DELAY = 150;
  var MIN_CHARS = 2;

  var listbox = document.createElement("ul");
  listbox.id = "site-search-suggestions";
  listbox.className = "search-suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggestions");
  listbox.hidden = true;

  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  form.classList.add("has-suggestions");
  form.appendChild(listbox);
  form.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  var options = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var lastQuery = "";

  function open() {
    if (!options.length) return close();
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function setActive(index) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(suggestions) {
    listbox.textContent = "";
    options = [];
    active = -1;
    suggestions.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "site-search-suggestion-" + index;
      option.className = "search-suggestions__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      var title = document.createElement("span");
      title.className = "search-suggestions__title";
      title.textContent = item.title;
      var detail = document.createElement("span");
      detail.className = "search-suggestions__detail";
      detail.textContent = item.chapter ? item.kind + " · " + item.chapter : item.kind;
      option.appendChild(title);
      option.appendChild(detail);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the input
      });
      option.addEventListener("click", function () {
        window.location.assign(item.url);
      });
      listbox.appendChild(option);
      options.push(option);
    });
    status.textContent = suggestions.length
      ? suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") + ", use the arrow keys to choose"
      : "";
    open();
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return open();
    lastQuery = query;
    if (controller) controller.abort();
    if (query.length < MIN_CHARS) {
      render([]);
      return;
    }
    controller = typeof AbortController === "function" ? new AbortController() : null;
    fetch(endpoint + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) render(data.suggestions || []);
      })
      .catch(function () {
        /* aborted or offline: the form still works */
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY);
  });

  input.addEventListener("keydown", function (event) {
    switch (event.key) {
      case "ArrowDown":
        if (listbox.hidden) {
          if (options.length) open();
          else fetchSuggestions();
        } else if (options.length) {
          setActive(active < options.length - 1 ? active + 1 : 0);
        }
        event.preventDefault();
        break;
      case "ArrowUp":
        if (!listbox.hidden && options.length) {
          setActive(active > 0 ? active - 1 : options.length - 1);
          event.preventDefault();
        }
        break;
      case "Enter":
        if (!listbox.hidden && active >= 0) {
          event.preventDefault();
          window.location.assign(options[active].dataset.url);
        }
        break;
      case "Escape":
        if (!listbox.hidden) {
          close();
        } else {
          input.value = "";
          lastQuery = "";
        }
        event.preventDefault();
        break;
      case "Home":
      case "End":
        setActive(-1);
        break;
    }
  });

  input.addEventListener("blur", function () {
    close();
  });
})();
