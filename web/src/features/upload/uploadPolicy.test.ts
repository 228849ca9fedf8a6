import { describe, expect, it } from 'vitest';
import { describeUploadFailure, isWorthRetrying } from './uploadPolicy';

describe('isWorthRetrying', () => {
  it('retries dropped connections and server errors while online', () => {
    expect(isWorthRetrying({ status: 0, method: 'PATCH', isOnline: true })).toBe(true);
    expect(isWorthRetrying({ status: 502, method: 'PATCH', isOnline: true })).toBe(true);
    expect(isWorthRetrying({ status: 423, method: 'HEAD', isOnline: true })).toBe(true);
  });

  it('waits for the network instead of retrying while offline', () => {
    expect(isWorthRetrying({ status: 0, method: 'PATCH', isOnline: false })).toBe(false);
  });

  it('retries an offset conflict, but not a draft that already has an upload', () => {
    expect(isWorthRetrying({ status: 409, method: 'PATCH', isOnline: true })).toBe(true);
    expect(isWorthRetrying({ status: 409, method: 'POST', isOnline: true })).toBe(false);
  });

  it('gives up on refusals', () => {
    for (const status of [400, 401, 403, 404, 413])
      expect(isWorthRetrying({ status, method: 'PATCH', isOnline: true })).toBe(false);
  });
});

describe('describeUploadFailure', () => {
  it('offers to resume after a dropped connection, a server error or an offset conflict', () => {
    expect(describeUploadFailure({ status: 0, method: 'PATCH', body: '' }).canResume).toBe(true);
    expect(
      describeUploadFailure({ status: 503, method: 'PATCH', body: 'Service Unavailable' }),
    ).toMatchObject({ title: 'Shortwave had a problem receiving your video', canResume: true });
    expect(describeUploadFailure({ status: 409, method: 'PATCH', body: '' }).canResume).toBe(true);
  });

  it("passes on the server's problem details", () => {
    const body = JSON.stringify({
      type: '/problems/upload-not-allowed',
      title: 'This video cannot take an upload',
      status: 409,
      detail: 'It is not your draft, or it already has an upload: resume that one instead.',
    });
    expect(describeUploadFailure({ status: 409, method: 'POST', body })).toEqual({
      title: 'This video cannot take an upload',
      detail: 'It is not your draft, or it already has an upload: resume that one instead.',
      canResume: false,
    });
  });

  it('explains a file over the size limit, which tus refuses in plain text', () => {
    expect(
      describeUploadFailure({ status: 413, method: 'POST', body: 'Maximum size exceeded\n' }),
    ).toMatchObject({ title: 'This video is too big', canResume: false });
  });
});
