// Every migration, in order. Forward-only: a released migration is never edited, only followed.
import type { Migration } from 'kysely';
import * as m0001 from './0001_accounts.js';
import * as m0002 from './0002_videos.js';
import * as m0003 from './0003_social.js';
import * as m0004 from './0004_engagement.js';
import * as m0005 from './0005_comments.js';
import * as m0006 from './0006_notifications.js';
import * as m0007 from './0007_search.js';
import * as m0008 from './0008_moderation.js';
import * as m0009 from './0009_recommendation.js';
import * as m0010 from './0010_for_you_covering_indexes.js';
import * as m0011 from './0011_video_subtitles.js';
import * as m0012 from './0012_for_you_hashtag_newest.js';
import * as m0013 from './0013_co_watch_weight_class.js';
import * as m0014 from './0014_co_watch_lists.js';
import * as m0015 from './0015_co_watch_merge.js';
import * as m0016 from './0016_co_watch_array_statistics.js';

export const migrations: Record<string, Migration> = {
  '0001_accounts': m0001,
  '0002_videos': m0002,
  '0003_social': m0003,
  '0004_engagement': m0004,
  '0005_comments': m0005,
  '0006_notifications': m0006,
  '0007_search': m0007,
  '0008_moderation': m0008,
  '0009_recommendation': m0009,
  '0010_for_you_covering_indexes': m0010,
  '0011_video_subtitles': m0011,
  '0012_for_you_hashtag_newest': m0012,
  '0013_co_watch_weight_class': m0013,
  '0014_co_watch_lists': m0014,
  '0015_co_watch_merge': m0015,
  '0016_co_watch_array_statistics': m0016,
};
