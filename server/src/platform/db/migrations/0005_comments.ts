import { sql, type Kysely } from 'kysely';

// Comments with one level of replies, comment likes, the one pinned comment of a video, and each
// creator's keyword filter. Comment, reply and like counters change by trigger in the same
// transaction as their row; a comment removed by moderation stops counting.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table comments (
      id uuid primary key,
      video_id uuid not null references videos (id) on delete cascade,
      author_id uuid not null references accounts (id) on delete cascade,
      parent_id uuid references comments (id) on delete cascade,
      body text not null,
      hashtags text[] not null default '{}',
      mentions text[] not null default '{}',
      like_count integer not null default 0 check (like_count >= 0),
      reply_count integer not null default 0 check (reply_count >= 0),
      removed_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create index comments_newest_idx on comments (video_id, created_at desc, id desc)
    where parent_id is null`.execute(db);
  await sql`
    create index comments_top_idx on comments (video_id, like_count desc, id desc)
    where parent_id is null`.execute(db);
  await sql`create index comments_replies_idx on comments (parent_id, created_at, id) where parent_id is not null`.execute(
    db,
  );
  await sql`create index comments_author_idx on comments (author_id)`.execute(db);

  await sql`
    create table comment_likes (
      comment_id uuid not null references comments (id) on delete cascade,
      account_id uuid not null references accounts (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (comment_id, account_id)
    )`.execute(db);
  await sql`create index comment_likes_account_idx on comment_likes (account_id)`.execute(db);

  await sql`
    create table comment_pins (
      video_id uuid primary key references videos (id) on delete cascade,
      comment_id uuid not null unique references comments (id) on delete cascade,
      pinned_at timestamptz not null default now()
    )`.execute(db);

  // `patterns` are the keywords as case-insensitive regular expressions with word boundaries,
  // built (and escaped) by the comments capability.
  await sql`
    create table comment_filters (
      account_id uuid primary key references accounts (id) on delete cascade,
      keywords text[] not null default '{}',
      patterns text[] not null default '{}',
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Parent rows are locked before the video's counters, in every path, so no two transactions
  // wait on each other in opposite orders.
  await sql`
    create function shortwave_count_comments() returns trigger language plpgsql as $$
    declare
      delta integer;
      c comments;
    begin
      if tg_op = 'INSERT' then
        c := new; delta := (new.removed_at is null)::int;
      elsif tg_op = 'DELETE' then
        c := old; delta := -((old.removed_at is null)::int);
      else
        c := new; delta := (new.removed_at is null)::int - (old.removed_at is null)::int;
      end if;
      if delta = 0 then return null; end if;
      if c.parent_id is not null then
        update comments set reply_count = reply_count + delta where id = c.parent_id;
      end if;
      if delta > 0 then
        insert into video_stats as s (video_id, comment_count) values (c.video_id, delta)
        on conflict (video_id) do update set comment_count = s.comment_count + excluded.comment_count;
      else
        update video_stats set comment_count = comment_count + delta where video_id = c.video_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger comments_count after insert or delete or update of removed_at on comments
    for each row execute function shortwave_count_comments()`.execute(db);

  await sql`
    create function shortwave_count_comment_likes() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update comments set like_count = like_count + 1 where id = new.comment_id;
      else
        update comments set like_count = like_count - 1 where id = old.comment_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger comment_likes_count after insert or delete on comment_likes
    for each row execute function shortwave_count_comment_likes()`.execute(db);
}
