import { describe, expect, it } from 'vitest';
import { embedSize } from './oembed.js';
import { escapeHtml, injectMetaTags, shorten } from './watch-page.js';

describe('watch page tags', () => {
  it('escapes every character that could end an attribute or open a tag', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shortens long captions at a word, on one line', () => {
    expect(shorten('one two\nthree four five', 14)).toBe('one two three…');
    expect(shorten('short', 14)).toBe('short');
  });

  it('replaces the page title and description and keeps everything else', () => {
    const html =
      '<html><head><meta name="description" content="x" /><title>Old</title><script src="/a.js"></script></head><body></body></html>';
    const injected = injectMetaTags(html, '<title>New</title>');
    expect(injected).toContain('<title>New</title>');
    expect(injected).not.toContain('Old');
    expect(injected).not.toContain('content="x"');
    expect(injected).toContain('<script src="/a.js"></script>');
  });

  it('sizes an embed to the video’s shape within the requested box', () => {
    expect(embedSize({ width: 1080, height: 1920 })).toEqual({ width: 325, height: 578 });
    expect(embedSize({ width: 1080, height: 1920 }, 200)).toEqual({ width: 200, height: 356 });
    expect(embedSize({ width: 1920, height: 1080 }, undefined, 100)).toEqual({
      width: 178,
      height: 100,
    });
  });
});
