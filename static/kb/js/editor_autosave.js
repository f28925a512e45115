/* Unsaved drafts of the Markdown fields of an admin change form, kept in the browser.
 *
 * Every Markdown textarea the server marks (kb.admin.VersionedForm) is copied to localStorage
 * as the editor types (debounced, and at once when the page is hidden), so a crash or a closed
 * tab loses nothing. When the form opens again and a kept draft differs from what the page
 * shows, a notice above the field offers it back: "Restore my unsaved draft" or "Discard".
 *
 * The DOM contract (pinned by tests on both sides):
 *   textarea[data-kb-draft-key]   a Markdown field; the attribute is its storage key,
 *                                 "kb-draft:<app_label>.<model_name>:<pk or new>:<field name>"
 *   data-kb-draft-saved-at        the object's saved time (ISO 8601; empty on an add form)
 *   data-kb-draft-label           the field's label, for the notice
 *   localStorage[key]             JSON {text, savedAt, at}: the draft, the saved time it was
 *                                 typed over, and when (ms since 1970)
 *   sessionStorage["kb-draft-pending"]  JSON list of keys submitted with the form; on the next
 *                                 page they are forgotten if it says the save worked
 *                                 (.messagelist .success) and kept if not (.errornote)
 *   .kb-draft-notice[data-kb-draft-for=key], role="region", with buttons
 *   .kb-draft-restore ("Restore my unsaved draft") and .kb-draft-discard ("Discard")
 *
 * A draft is forgotten when it matches the text that was saved (the page shows it with a newer
 * saved time), when it is typed back to the saved text, after a successful save, or on Discard.
 */
(function () {
  "use strict";

  var PENDING = "kb-draft-pending";
  var DELAY = 600;
  var store;
  try {
    store = window.localStorage;
    store.setItem("kb-draft-probe", "1");
    store.removeItem("kb-draft-probe");
  } catch (error) {
    return; // private mode or storage off: the form works as before
  }

  function read(key) {
    try {
      var draft = JSON.parse(store.getItem(key));
      return draft && typeof draft.text === "string" ? draft : null;
    } catch (error) {
      return null;
    }
  }

  function forget(key) {
    store.removeItem(key);
  }

  function write(key, draft) {
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      /* storage full: nothing better to do than keep typing */
    }
  }

  // The page after a submit: a success message means the drafts were saved.
  (function settlePending() {
    var pending;
    try {
      pending = JSON.parse(window.sessionStorage.getItem(PENDING) || "[]");
      window.sessionStorage.removeItem(PENDING);
    } catch (error) {
      return;
    }
    if (document.querySelector(".errornote")) return;
    if (!document.querySelector(".messagelist .success")) return;
    pending.forEach(forget);
  })();

  function setValue(textarea, text) {
    textarea.value = text;
    // markdownx refreshes its preview on input; anything else listening hears it too.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function offer(textarea, key, draft, savedAt) {
    var label = textarea.getAttribute("data-kb-draft-label") || "this field";
    var notice = document.createElement("div");
    notice.className = "kb-draft-notice";
    notice.setAttribute("role", "region");
    notice.setAttribute("aria-label", "Unsaved draft of " + label);
    notice.setAttribute("data-kb-draft-for", key);

    var text = document.createElement("p");
    var when = draft.at ? new Date(draft.at).toLocaleString() : "earlier";
    text.textContent =
      "You have an unsaved draft of " + label + " from " + when + " that differs from the text below." +
      (draft.savedAt !== savedAt ? " This page was saved again since you wrote it." : "");
    notice.appendChild(text);

    function button(className, caption, action) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = className;
      element.textContent = caption;
      element.addEventListener("click", function () {
        action();
        notice.remove();
        textarea.focus();
      });
      notice.appendChild(element);
    }
    button("kb-draft-restore", "Restore my unsaved draft", function () {
      setValue(textarea, draft.text);
    });
    button("kb-draft-discard", "Discard", function () {
      forget(key);
    });

    // Above markdownx's editor and preview pair when there is one, else above the textarea.
    var anchor = textarea.closest(".markdownx") || textarea;
    anchor.parentNode.insertBefore(notice, anchor);
  }

  function watch(textarea) {
    var key = textarea.getAttribute("data-kb-draft-key");
    var savedAt = textarea.getAttribute("data-kb-draft-saved-at") || "";
    var shown = textarea.value;
    var draft = read(key);
    if (draft) {
      if (draft.text === shown) {
        // Saved since it was typed (a newer saved time): nothing left to keep.
        if (draft.savedAt !== savedAt) forget(key);
      } else {
        offer(textarea, key, draft, savedAt);
      }
    }

    var timer = null;
    function keep() {
      window.clearTimeout(timer);
      timer = null;
      if (textarea.value === shown && !read(key)) return;
      if (textarea.value === shown) {
        forget(key); // typed back to what the page shows
        return;
      }
      write(key, { text: textarea.value, savedAt: savedAt, at: Date.now() });
    }
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(keep, DELAY);
    });
    window.addEventListener("pagehide", function () {
      if (timer !== null) keep();
    });
    return key;
  }

  var keys = Array.prototype.map.call(document.querySelectorAll("textarea[data-kb-draft-key]"), watch);
  if (!keys.length) return;

  var form = document.querySelector("textarea[data-kb-draft-key]").form;
  if (form) {
    form.addEventListener("submit", function () {
      try {
        window.sessionStorage.setItem(PENDING, JSON.stringify(keys));
      } catch (error) {
        /* without it the drafts simply stay until they match the saved text */
      }
    });
  }
})();
