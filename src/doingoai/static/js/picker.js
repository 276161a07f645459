// Type-ahead pickers (core/pickers.py): the <select> keeps the chosen records and is
// what the form submits; the search box asks /pick/<kind>/ through HTMX for matches;
// choosing one adds it to the select, the × removes it. Without this script the
// select is shown as it is and the search box takes record numbers.
// A picker with ``data-local`` holds every choice in its select: typing filters them
// here, choosing selects the option and the × deselects it (nothing is asked of the
// server); without this script it is the plain list.
(function () {
  "use strict";

  var SHOWN = 20;

  // lower case, no diacritics (đ too): "dak lak" finds "Đắk Lắk"
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  function isLocal(box) { return box.hasAttribute("data-local"); }

  function showLocal(box) {
    var p = parts(box);
    var words = fold(p.search.value).split(/\s+/).filter(Boolean);
    var found = Array.prototype.filter.call(p.select.options, function (option) {
      if (!option.value || option.selected) { return false; }
      var text = fold(option.textContent);
      return words.every(function (w) { return text.indexOf(w) !== -1; });
    });
    p.results.textContent = "";
    found.slice(0, SHOWN).forEach(function (option) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "picker-option";
      button.dataset.value = option.value;
      button.textContent = option.textContent;
      li.appendChild(button);
      p.results.appendChild(li);
    });
    var note = !found.length ? box.dataset.noneLabel
      : (found.length > SHOWN ? box.dataset.moreLabel : "");
    if (note) {
      var li = document.createElement("li");
      li.className = "picker-note";
      li.textContent = note;
      p.results.appendChild(li);
    }
    p.search.setAttribute("aria-expanded", p.results.children.length ? "true" : "false");
  }

  function parts(box) {
    return {
      select: box.querySelector("select.picker-select"),
      search: box.querySelector("input.picker-search"),
      chosen: box.querySelector("ul.picker-chosen"),
      results: box.querySelector("ul.picker-results")
    };
  }

  function drawChosen(box) {
    var p = parts(box);
    p.chosen.textContent = "";
    Array.prototype.forEach.call(p.select.options, function (option) {
      if (!option.value || !option.selected) { return; }
      var li = document.createElement("li");
      li.dataset.value = option.value;
      var label = document.createElement("span");
      label.textContent = option.textContent;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "picker-remove";
      remove.dataset.value = option.value;
      remove.setAttribute("aria-label", (box.dataset.removeLabel || "×") + " " + option.textContent);
      remove.textContent = "×";
      li.appendChild(label);
      li.appendChild(remove);
      p.chosen.appendChild(li);
    });
  }

  function clearResults(box) {
    var p = parts(box);
    p.results.textContent = "";
    p.search.setAttribute("aria-expanded", "false");
  }

  function changed(select) {
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function choose(box, value, text) {
    var p = parts(box);
    if (isLocal(box)) {
      Array.prototype.forEach.call(p.select.options, function (option) {
        if (option.value === value) { option.selected = true; }
      });
      p.search.value = "";
      clearResults(box);
      drawChosen(box);
      changed(p.select);
      p.search.focus();
      return;
    }
    var existing = null;
    Array.prototype.slice.call(p.select.options).forEach(function (option) {
      if (option.value === value) { existing = option; }
      else if (!p.select.multiple && option.value) { option.remove(); }
    });
    if (existing) { existing.selected = true; }
    else { p.select.appendChild(new Option(text, value, true, true)); }
    p.search.value = "";
    clearResults(box);
    drawChosen(box);
    changed(p.select);
    p.search.focus();
  }

  function unchoose(box, value) {
    var p = parts(box);
    Array.prototype.slice.call(p.select.options).forEach(function (option) {
      if (option.value !== value) { return; }
      if (isLocal(box)) { option.selected = false; } else { option.remove(); }
    });
    if (!p.select.multiple && p.select.options.length) { p.select.options[0].selected = true; }
    drawChosen(box);
    changed(p.select);
    p.search.focus();
  }

  function setup(box) {
    var p = parts(box);
    if (!p.select || !p.search) { return; }
    p.search.removeAttribute("name"); // the query is not a value of the form
    // the select is hidden: the server says what is missing, not an unfocusable field
    p.select.required = false;
    if (isLocal(box)) {
      p.search.hidden = false;
      p.search.addEventListener("input", function () { showLocal(box); });
      // a short list can be browsed: the first choices show when the box is entered
      p.search.addEventListener("focus", function () { showLocal(box); });
      box.addEventListener("focusout", function () {
        // later than a tap on a choice (Safari does not focus a tapped button)
        setTimeout(function () {
          if (!box.contains(document.activeElement)) { clearResults(box); }
        }, 200);
      });
    }
    box.classList.add("picker-ready");
    var label = document.querySelector('label[for="' + p.select.id + '"]');
    if (label) { label.htmlFor = p.search.id; }
    drawChosen(box);
  }

  function init(root) {
    if (!root || !root.querySelectorAll) { return; }
    if (root.matches && root.matches("[data-picker]")) { setup(root); }
    root.querySelectorAll("[data-picker]:not(.picker-ready)").forEach(setup);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });

  // the search box sends its text as ``q``
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    if (elt.classList && elt.classList.contains("picker-search")) {
      event.detail.parameters.q = elt.value;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var box = event.detail.target.closest && event.detail.target.closest("[data-picker]");
    if (box) {
      parts(box).search.setAttribute(
        "aria-expanded", event.detail.target.children.length ? "true" : "false");
    }
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest(".picker-option");
    var box = event.target.closest("[data-picker]");
    if (option && box) {
      event.preventDefault();
      choose(box, option.dataset.value, option.textContent);
      return;
    }
    var remove = event.target.closest(".picker-remove");
    if (remove && box) {
      event.preventDefault();
      unchoose(box, remove.dataset.value);
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var box = target.closest && target.closest("[data-picker]");
    if (!box) { return; }
    var p = parts(box);
    var options = Array.prototype.slice.call(p.results.querySelectorAll(".picker-option"));
    if (target === p.search) {
      if (event.key === "Enter") { // choose the first match instead of submitting the form
        event.preventDefault();
        if (options.length) { choose(box, options[0].dataset.value, options[0].textContent); }
      } else if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        options[0].focus();
      } else if (event.key === "Escape") {
        p.search.value = "";
        clearResults(box);
      }
    } else if (target.classList.contains("picker-option")) {
      var i = options.indexOf(target);
      if (event.key === "ArrowDown" && i < options.length - 1) {
        event.preventDefault();
        options[i + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (i > 0 ? options[i - 1] : p.search).focus();
      } else if (event.key === "Escape") {
        clearResults(box);
        p.search.focus();
      }
    }
  });

  // typing in a picker is not a change of the form around it (filter forms refresh on change)
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("picker-search")) {
      event.stopPropagation();
    }
  }, true);
}());
