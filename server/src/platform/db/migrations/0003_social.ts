import { sql, type Kysely } from 'kysely';

// The follow graph (with requests to private accounts), blocks, mutes, and follower counters.
// Counters change in the same transaction as the follow row, by trigger, so every path keeps
// them exact: an API call, a block, or the cascade of a deleted account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column is_private boolean not null default false`.execute(db);

  // 'pending' is a request to follow a private account, waiting for its owner's answer.
  await sql`
    create table follows (
      follower_id uuid not null references accounts (id) on delete cascade,
      followee_id uuid not null references accounts (id) on delete cascade,
      state text not null check (state in ('pending', 'accepted')),
      created_at timestamptz not null default now(),
      accepted_at timestamptz,
      primary key (follower_id, followee_id),
      check (follower_id <> followee_id)
    )`.execute(db);
  // Followers of an account, and the accounts one follows, newest first.
  await sql`create index follows_followee_idx on follows (followee_id, state, created_at desc, follower_id desc)`.execute(
    db,
  );
  await sql`create index follows_follower_idx on follows (follower_id, state, created_at desc, followee_id desc)`.execute(
    db,
  );

  await sql`
    create table blocks (
      blocker_id uuid not null references accounts (id) on delete cascade,
      blocked_id uuid not null references accounts (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (blocker_id, blocked_id),
      check (blocker_id <> blocked_id)
    )`.execute(db);
  await sql`create index blocks_blocked_idx on blocks (blocked_id, blocker_id)`.execute(db);

  await sql`
    create table mutes (
      muter_id uuid not null references accounts (id) on delete cascade,
      muted_id uuid not null references accounts (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (muter_id, muted_id),
      check (muter_id <> muted_id)
    )`.execute(db);

  // Rows appear on the first follow; a missing row means zero.
  await sql`
    create table account_stats (
      account_id uuid primary key references accounts (id) on delete cascade,
      follower_count integer not null default 0 check (follower_count >= 0),
      following_count integer not null default 0 check (following_count >= 0)
    )`.execute(db);

  await sql`
    create function shortwave_count_follows() returns trigger language plpgsql as $$
    declare
      delta integer;
      edge follows;
    begin
      if tg_op = 'INSERT' then
        if new.state <> 'accepted' then return null; end if;
        delta := 1; edge := new;
      elsif tg_op = 'DELETE' then
        if old.state <> 'accepted' then return null; end if;
        delta := -1; edge := old;
      else
        if old.state = new.state then return null; end if;
        delta := case when new.state = 'accepted' then 1 else -1 end; edge := new;
      end if;
      -- Lock the two counter rows in id order, so concurrent follows never deadlock.
      if delta > 0 then
        insert into account_stats as s (account_id, follower_count, following_count)
        select id, followers, following from (values
          (edge.followee_id, 1, 0), (edge.follower_id, 0, 1)) as v (id, followers, following)
        order by id
        on conflict (account_id) do update set
          follower_count = s.follower_count + excluded.follower_count,
          following_count = s.following_count + excluded.following_count;
      else
        -- Only update on the way down: an account being deleted must not get a new row.
        update account_stats set
          follower_count = follower_count - (account_id = edge.followee_id)::int,
          following_count = following_count - (account_id = edge.follower_id)::int
        where account_id = least(edge.followee_id, edge.follower_id);
        update account_stats set
          follower_count = follower_count - (account_id = edge.followee_id)::int,
          following_count = following_count - (account_id = edge.follower_id)::int
        where account_id = greatest(edge.followee_id, edge.follower_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger follows_count after insert or delete or update of state on follows
    for each row execute function shortwave_count_follows()`.execute(db);
}
