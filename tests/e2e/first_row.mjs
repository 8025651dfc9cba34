// Shared by the budget test and the benchmark: run in the page (page.addInitScript), records in
// ms from navigation start when the first table row appears (`window.__firstRow`: the page as
// built shows it, see src/ui/built_pages/prerender.rs) and when the app has taken over with its own table
// (`window.__tookOver`).
export function watchFirstRow() {
  new MutationObserver((_, observer) => {
    if (window.__firstRow === undefined && document.querySelector('#rankings-table tbody tr')) {
      window.__firstRow = performance.now();
    }
    if (document.querySelector('[data-live] #rankings-table tbody tr')) {
      window.__tookOver = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Run in the page: records in `window.__live` when the app has taken over with `selector`
 * (a view's own element) on screen. */
export function watchLive(selector) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(`[data-live] ${selector}`)) {
      window.__live = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}
