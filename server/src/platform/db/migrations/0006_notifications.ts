import { sql, type Kysely } from 'kysely';

// Notifications and the people behind them. Likes and follows group while unread ("Ana and 12
// others liked your video"): one unread row per (recipient, key), its actors beside it. Other
// kinds have a key that makes a retried job harmless.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key,
      recipient_id uuid not null references accounts (id) on delete cascade,
      kind text not null,
      key text not null,
      is_grouped boolean not null,
      has_actors boolean not null,
      video_id uuid references videos (id) on delete cascade,
      comment_id uuid references comments (id) on delete cascade,
      details jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`
    create unique index notifications_open_group_key on notifications (recipient_id, key)
    where is_grouped and read_at is null`.execute(db);
  await sql`
    create unique index notifications_single_key on notifications (recipient_id, key)
    where not is_grouped`.execute(db);
  await sql`create index notifications_recipient_idx on notifications (recipient_id, updated_at desc, id desc)`.execute(
    db,
  );
  await sql`create index notifications_unread_idx on notifications (recipient_id) where read_at is null`.execute(
    db,
  );

  await sql`
    create table notification_actors (
      notification_id uuid not null references notifications (id) on delete cascade,
      actor_id uuid not null references accounts (id) on delete cascade,
      acted_at timestamptz not null default now(),
      primary key (notification_id, actor_id)
    )`.execute(db);
  await sql`create index notification_actors_actor_idx on notification_actors (actor_id)`.execute(
    db,
  );
}
