import type { Schemas } from '@shortwave/api-client';
import { describe, expect, it } from 'vitest';
import { targetOf } from './notificationTarget';

const ana: Schemas['Profile'] = {
  id: '01a21248-8c4b-7109-9aca-02b6aa0e5e0d',
  handle: 'ana',
  displayName: 'Ana',
  bio: '',
  avatarUrl: null,
  createdAt: '2026-11-25T10:00:00.000Z',
};

function makeNotification(overrides: Partial<Schemas['Notification']>): Schemas['Notification'] {
  return {
    id: '01a21248-b597-763c-aee1-53c57a678b50',
    kind: 'video-liked',
    summary: '',
    actors: [ana],
    actorCount: 1,
    video: null,
    comment: null,
    details: {},
    isRead: false,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

const video = { id: 'v1', caption: '', posterUrl: null };

describe('where a notification leads', () => {
  it('leads follows and follow requests to the person', () => {
    for (const kind of ['account-followed', 'follow-requested', 'follow-accepted'] as const)
      expect(targetOf(makeNotification({ kind }))).toBe('/@ana');
  });

  it('leads likes to the video, and comments and replies to the comment on it', () => {
    expect(targetOf(makeNotification({ kind: 'video-liked', video }))).toBe('/v/v1');
    expect(
      targetOf(
        makeNotification({ kind: 'comment-replied', video, comment: { id: 'c1', body: 'hi' } }),
      ),
    ).toBe('/v/v1?comment=c1');
  });

  it('leads about a video that is gone to the person behind it, or nowhere', () => {
    expect(targetOf(makeNotification({ kind: 'video-liked' }))).toBe('/@ana');
    expect(targetOf(makeNotification({ kind: 'content-removed', actors: [] }))).toBeNull();
  });
});
