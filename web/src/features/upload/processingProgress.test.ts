import { describe, expect, it } from 'vitest';
import { parseProcessingEvent } from './processingProgress';

describe('parseProcessingEvent', () => {
  it('reads a progress event, in whole percent', () => {
    expect(
      parseProcessingEvent(
        '{"videoId":"0199","state":"processing","percent":37.52,"isPlayable":false}',
      ),
    ).toEqual({ state: 'processing', percent: 37, isPlayable: false });
  });

  it('reports ready as 100 percent', () => {
    expect(
      parseProcessingEvent('{"videoId":"0199","state":"ready","percent":99,"isPlayable":true}'),
    ).toEqual({ state: 'ready', percent: 100, isPlayable: true });
  });

  it('never shows 100 percent before the video is ready', () => {
    expect(parseProcessingEvent('{"state":"processing","percent":100}')?.percent).toBe(99);
  });

  it('ignores what is not an event of this stream', () => {
    expect(parseProcessingEvent('keepalive')).toBeNull();
    expect(parseProcessingEvent('{"state":"exploded","percent":3}')).toBeNull();
    expect(parseProcessingEvent('null')).toBeNull();
  });
});
