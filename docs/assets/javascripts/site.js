// The site's own behaviour, in one small file (one request on every page): sharing and
// printing an article, opening its sources at a followed citation, and the 404 page's search
// button. No third-party code. Each button is hidden in the HTML and shown only where the
// browser can do what it offers, so nobody meets a button that does nothing.

// "Copy link" on articles.
document.querySelectorAll("[data-app-copy]").forEach((button) => {
  if (!navigator.clipboard) return;
  const status = button.parentElement.querySelector(".app-share__status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.appCopy);
      status.textContent = "Link copied.";
    } catch {
      status.textContent = "Could not copy. Copy the address from the address bar instead.";
    }
  });
});

// "Print exercises" on exercise pages: the class on <html> makes site.css print the exercises
// alone. It is set for that one print: a later print from the browser's menu (beforeprint
// without the button) and the end of any print (afterprint) take it off again.
document.querySelectorAll("[data-app-print-exercises]").forEach((button) => {
  if (typeof window.print !== "function") return;
  const root = document.documentElement;
  let asked = false;
  button.hidden = false;
  button.addEventListener("click", () => {
    asked = true;
    root.classList.add("app-print-exercises");
    window.print();
  });
  window.addEventListener("beforeprint", () => {
    if (!asked) root.classList.remove("app-print-exercises");
    asked = false;
  });
  window.addEventListener("afterprint", () => root.classList.remove("app-print-exercises"));
});

// Sources: a page's sources sit in a closed <details> under "References". Following a
// citation (or opening the page at one) opens it first, so the reader lands on the source, not
// on a closed box. Chromium opens it by itself on fragment navigation; other browsers need this.
(() => {
  // A fragment is an id only sometimes: a home exercise plan's link carries the plan there,
  // and one cut short may end inside a %-escape, which decodeURIComponent throws on.
  const idIn = (fragment) => {
    try {
      return decodeURIComponent(fragment.slice(1));
    } catch {
      return "";
    }
  };
  const openAround = (id) => {
    const target = id && document.getElementById(id);
    const box = target && target.closest("details");
    if (box && !box.open) box.open = true;
    return target;
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#ref-"]');
    if (link) openAround(idIn(link.hash));
  });
  const fromAddress = () => {
    const target = openAround(idIn(location.hash));
    if (target) target.scrollIntoView();
  };
  addEventListener("hashchange", fromAddress);
  fromAddress();
})();

// "Search the site" on the 404 page opens the theme's search, as the header's search icon does:
// Material watches its #__search toggle for change events.
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
