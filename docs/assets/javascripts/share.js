// "Copy link" buttons on articles. The button is hidden in the HTML and shown only where
// the browser can copy, so nobody meets a button that does nothing. No third-party code.
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
