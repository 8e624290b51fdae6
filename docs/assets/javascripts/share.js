// Sharing and printing an article, with no third-party code. Each button is hidden in the
// HTML and shown only where the browser can do what it offers, so nobody meets a button that
// does nothing.

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
