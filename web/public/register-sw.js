// Registers the service worker (sw.js) once the page has loaded, where browsers support it.
/* global window */
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
