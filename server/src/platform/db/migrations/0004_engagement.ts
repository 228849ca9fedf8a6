import { sql, type Kysely } from 'kysely';

// Likes, saves (favourites), view and share counting, the per-video counters, and the videos a
// creator pins on their profile. Like and save counters change by trigger in the same
// transaction as their row; views and shares are counted by the service, guarded by a mark.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table video_stats (
      video_id uuid primary key references videos (id) on delete cascade,
      like_count integer not null default 0 check (like_count >= 0),
      save_count integer not null default 0 check (save_count >= 0),
      comment_count integer not null default 0 check (comment_count >= 0),
      share_count integer not null default 0 check (share_count >= 0),
      view_count bigint not null default 0 check (view_count >= 0)
    )`.execute(db);

  await sql`
    create table video_likes (
      video_id uuid not null references videos (id) on delete cascade,
      account_id uuid not null references accounts (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (video_id, account_id)
    )`.execute(db);
  await sql`create index video_likes_account_idx on video_likes (account_id, created_at desc, video_id desc)`.execute(
    db,
  );

  // Favourites: a private list, only its owner ever sees it.
  await sql`
    create table video_saves (
      account_id uuid not null references accounts (id) on delete cascade,
      video_id uuid not null references videos (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (account_id, video_id)
    )`.execute(db);
  await sql`create index video_saves_account_idx on video_saves (account_id, created_at desc, video_id desc)`.execute(
    db,
  );
  await sql`create index video_saves_video_idx on video_saves (video_id)`.execute(db);

  // The last time a viewer's view (or share) of a video counted: one per viewer per 24 h.
  // viewer_key is "a:<account id>", "c:<client id>" or "h:<hash of address and user agent>".
  await sql`
    create table engagement_marks (
      video_id uuid not null references videos (id) on delete cascade,
      kind text not null check (kind in ('view', 'share')),
      viewer_key text not null,
      counted_at timestamptz not null,
      primary key (video_id, kind, viewer_key)
    )`.execute(db);
  await sql`create index engagement_marks_counted_idx on engagement_marks (counted_at)`.execute(db);

  for (const [table, column] of [
    ['video_likes', 'like_count'],
    ['video_saves', 'save_count'],
  ] as const) {
    await sql`
      create function ${sql.raw(`shortwave_count_${table}`)}() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into video_stats as s (video_id, ${sql.raw(column)}) values (new.video_id, 1)
          on conflict (video_id) do update set ${sql.raw(column)} = s.${sql.raw(column)} + 1;
        else
          update video_stats set ${sql.raw(column)} = ${sql.raw(column)} - 1
          where video_id = old.video_id;
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_count`)} after insert or delete on ${sql.raw(table)}
      for each row execute function ${sql.raw(`shortwave_count_${table}`)}()`.execute(db);
  }

  // Up to three videos a creator shows first on their profile.
  await sql`
    create table video_pins (
      video_id uuid primary key references videos (id) on delete cascade,
      account_id uuid not null references accounts (id) on delete cascade,
      pinned_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index video_pins_account_idx on video_pins (account_id, pinned_at desc)`.execute(
    db,
  );
}
