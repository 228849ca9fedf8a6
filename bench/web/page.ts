// What runs inside the page, installed before any of the app's scripts (addInitScript). Plain
// JavaScript in a string: the benches typecheck without the DOM library. Times are
// performance.now() of the page (milliseconds since navigation start).
//
// window.__swBench.firstFrame(timeoutMs): resolves with the time the first video of the feed
//   presented its first decoded frame (requestVideoFrameCallback).
// window.__swBench.swipe(timeoutMs): dispatches ArrowDown (as the keyboard would, at the window)
//   and resolves with when it was dispatched, when the next slide became current, and when that
//   video presented a frame while playing. The next video is warm (its first frame is already
//   decoded while paused), so only a frame presented while it plays counts.
// window.__swBench.bytes(): what was transferred up to the first frame (Resource Timing).

export type SwipeResult = {
  videoId: string;
  startedAt: number;
  currentAt: number;
  frameAt: number;
  /** The video's 'play' and 'playing' events (0 if none): React asked, the pipeline started. */
  playAt: number;
  playingAt: number;
  error?: string;
};

export type PageBytes = {
  /** Navigation and resources finished before the first frame, headers included. */
  totalTransferBytes: number;
  requests: number;
  scripts: { url: string; transferBytes: number }[];
  /** Every response finished before the first frame: start and end, ms since navigation. */
  waterfall: { url: string; startTime: number; responseEnd: number; transferBytes: number }[];
  /** The HTML document's responseEnd and DOMContentLoaded. */
  documentEnd: number;
  domContentLoaded: number;
};

export const PAGE_SCRIPT = String.raw`
(() => {
  performance.setResourceTimingBufferSize(100000);
  const state = { firstFrameAt: null, waiters: [] };
  const seen = new WeakSet();

  function watchFirstFrame(video) {
    if (seen.has(video) || !('requestVideoFrameCallback' in video)) return;
    seen.add(video);
    video.requestVideoFrameCallback(() => {
      if (state.firstFrameAt !== null) return;
      const article = video.closest('article[data-video-id]');
      if (!article || article.parentElement.firstElementChild !== article) return;
      state.firstFrameAt = performance.now();
      for (const resolve of state.waiters) resolve(state.firstFrameAt);
    });
  }

  new MutationObserver(() => {
    if (state.firstFrameAt !== null) return;
    for (const video of document.querySelectorAll('article[data-video-id] video')) watchFirstFrame(video);
  }).observe(document, { childList: true, subtree: true });

  window.__swBench = {
    firstFrame(timeoutMs) {
      if (state.firstFrameAt !== null) return Promise.resolve(state.firstFrameAt);
      return new Promise((resolve, reject) => {
        state.waiters.push(resolve);
        setTimeout(() => reject(new Error('no first frame in ' + timeoutMs + ' ms')), timeoutMs);
      });
    },

    swipe(timeoutMs) {
      return new Promise((resolve) => {
        const current = document.querySelector('article[aria-current="true"]');
        const next = current && current.nextElementSibling;
        const video = next && next.querySelector('video');
        if (!video) {
          resolve({ error: 'no next video after ' + (current ? current.dataset.videoId : 'none') });
          return;
        }
        const result = { videoId: next.dataset.videoId, startedAt: 0, currentAt: 0, frameAt: 0, playAt: 0, playingAt: 0 };
        video.addEventListener('play', () => { result.playAt = result.playAt || performance.now(); }, { once: true });
        video.addEventListener('playing', () => { result.playingAt = result.playingAt || performance.now(); }, { once: true });
        const isCurrent = () => next.getAttribute('aria-current') === 'true';
        const observer = new MutationObserver(() => {
          if (!result.currentAt && isCurrent()) result.currentAt = performance.now();
        });
        observer.observe(next, { attributes: true, attributeFilter: ['aria-current'] });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve({ ...result, error: 'no frame of ' + result.videoId + ' in ' + timeoutMs + ' ms' +
            ' (current: ' + isCurrent() + ', paused: ' + video.paused + ', readyState: ' + video.readyState + ')' });
        }, timeoutMs);
        const onFrame = () => {
          if (video.paused || !isCurrent()) {
            video.requestVideoFrameCallback(onFrame);
            return;
          }
          result.frameAt = performance.now();
          if (!result.currentAt) result.currentAt = result.frameAt;
          clearTimeout(timer);
          observer.disconnect();
          resolve(result);
        };
        video.requestVideoFrameCallback(onFrame);
        result.startedAt = performance.now();
        window.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true }),
        );
      });
    },

    bytes() {
      const cutoff = state.firstFrameAt;
      const navigation = performance.getEntriesByType('navigation')[0];
      const resources = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.responseEnd > 0 && entry.responseEnd <= cutoff);
      const scripts = resources
        .filter((entry) => /\.m?js([?#]|$)/.test(new URL(entry.name).pathname))
        .map((entry) => ({ url: entry.name, transferBytes: entry.transferSize }));
      return {
        totalTransferBytes:
          (navigation ? navigation.transferSize : 0) +
          resources.reduce((sum, entry) => sum + entry.transferSize, 0),
        requests: resources.length + 1,
        scripts,
        waterfall: resources.map((entry) => ({
          url: entry.name,
          startTime: entry.startTime,
          responseEnd: entry.responseEnd,
          transferBytes: entry.transferSize,
        })),
        documentEnd: navigation ? navigation.responseEnd : 0,
        domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : 0,
      };
    },
  };
})();
`;
