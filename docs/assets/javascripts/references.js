// A page's sources sit in a closed <details> under "References". Following a citation (or
// opening the page at one) opens it first, so the reader lands on the source, not on a
// closed box. Chromium opens it by itself on fragment navigation; other browsers need this.
(() => {
  const openAround = (id) => {
    const target = id && document.getElementById(id);
    const box = target && target.closest("details");
    if (box && !box.open) box.open = true;
    return target;
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#ref-"]');
    if (link) openAround(decodeURIComponent(link.hash.slice(1)));
  });
  const fromAddress = () => {
    const target = openAround(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  };
  addEventListener("hashchange", fromAddress);
  fromAddress();
})();
