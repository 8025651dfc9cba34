// Shared by the budget test and the benchmark: run in the page (page.addInitScript), records in
// `window.__firstRow` when the first table row appears, in ms from navigation start.
export function watchFirstRow() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('#rankings-table tbody tr')) {
      window.__firstRow = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
}
