// A "Search the site" button (the 404 page) opens the theme's search, as the header's search
// icon does: Material watches its #__search toggle for change events. Hidden until this runs,
// since search needs scripts anyway.
(() => {
  for (const button of document.querySelectorAll(".app-open-search")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const toggle = document.getElementById("__search");
      if (!toggle) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      const input = document.querySelector("[data-md-component=search-query]");
      if (input) input.focus();
    });
  }
})();
