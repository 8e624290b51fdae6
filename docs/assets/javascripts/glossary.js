// Glossary terms (engine/glossary.py marks each term's first use in a page): the term becomes
// a button that shows and hides its meaning just below, by tap, click, Enter or Space, as in
// the WAI-ARIA disclosure pattern; Escape hides what is open. Without this script site.css
// shows the meaning in brackets after the term instead. No third-party code.
document.querySelectorAll(".app-term").forEach((term) => {
  const word = term.querySelector(".app-term__word");
  const definition = term.querySelector(".app-term__definition");
  if (!word || !definition) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "app-term__button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", definition.id);
  button.append(...word.childNodes);
  word.replaceWith(button);
  button.addEventListener("click", () => show(button, definition.hidden));
});

function show(button, open) {
  const definition = document.getElementById(button.getAttribute("aria-controls"));
  button.setAttribute("aria-expanded", String(open));
  definition.hidden = !open;
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".app-term__button[aria-expanded='true']").forEach((button) => {
    show(button, false);
  });
});
