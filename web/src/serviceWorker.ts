// Registers web/public/sw.js (production builds only: the dev server's modules are not files to keep) and
// hands it the files this first visit loaded before it took control, so they are there offline too.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const urls = [window.location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
        reg.active?.postMessage({ type: 'cache-urls', urls });
      })
      .catch(() => undefined);
  });
}
