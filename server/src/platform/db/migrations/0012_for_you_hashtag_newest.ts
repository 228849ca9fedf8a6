import { sql, type Kysely } from 'kysely';

// The For You hashtag source (a favourite tag's newest public videos) as a key range: one row per
// tag of every public ready video, kept by a trigger on videos, indexed by (tag, ready_at). The
// GIN index on videos.hashtags can only find every video of a tag, so the page fetched and
// sorted all of them (some 400 rows per tag at --scale 0.1, ten times that at scale 1) to keep 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table video_hashtags (
      video_id uuid not null references videos (id) on delete cascade,
      hashtag text not null,
      ready_at timestamptz not null,
      primary key (video_id, hashtag)
    )`.execute(db);
  await sql`create index video_hashtags_newest_idx on video_hashtags (hashtag, ready_at desc) include (video_id)`.execute(
    db,
  );
  await sql`
    create function shortwave_sync_video_hashtags() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        delete from video_hashtags where video_id = old.id;
      end if;
      if new.state = 'ready' and new.visibility = 'public' and new.ready_at is not null then
        insert into video_hashtags (video_id, hashtag, ready_at)
        select distinct new.id, tag, new.ready_at from unnest(new.hashtags) as tag;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger videos_sync_hashtags
    after insert or update of hashtags, state, visibility, ready_at on videos
    for each row execute function shortwave_sync_video_hashtags()`.execute(db);
  await sql`
    insert into video_hashtags (video_id, hashtag, ready_at)
    select distinct v.id, tag, v.ready_at from videos v cross join lateral unnest(v.hashtags) as tag
    where v.state = 'ready' and v.visibility = 'public' and v.ready_at is not null`.execute(db);
}
