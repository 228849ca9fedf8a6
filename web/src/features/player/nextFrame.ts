// Calls back when the video next presents a frame: requestVideoFrameCallback where the browser
// has it (Chromium, Safari 15.4+, Firefox 132+), else the next timeupdate, which is close enough.
export function onNextFrame(video: HTMLVideoElement, then: () => void): void {
  if ('requestVideoFrameCallback' in HTMLVideoElement.prototype)
    video.requestVideoFrameCallback(() => then());
  else video.addEventListener('timeupdate', then, { once: true });
}
