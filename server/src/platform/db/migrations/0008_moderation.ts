import { sql, type Kysely } from 'kysely';

// Reports, the moderation queue, and the record of every action taken. A suspended account and
// removed content disappear from every surface: the visibility rules read these columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column suspended_at timestamptz`.execute(db);
  await sql`alter table videos add column removed_at timestamptz`.execute(db);

  await sql`
    create table reports (
      id uuid primary key,
      reporter_id uuid not null references accounts (id) on delete cascade,
      subject_kind text not null check (subject_kind in ('video', 'comment', 'account')),
      video_id uuid references videos (id) on delete cascade,
      comment_id uuid references comments (id) on delete cascade,
      -- The account reported, or the author of the reported video or comment.
      subject_account_id uuid not null references accounts (id) on delete cascade,
      reason text not null,
      details text not null default '',
      status text not null default 'open' check (status in ('open', 'dismissed', 'actioned')),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      check ((subject_kind = 'video') = (video_id is not null)),
      check ((subject_kind = 'comment') = (comment_id is not null))
    )`.execute(db);
  // One open report per reporter and subject: reporting twice changes nothing.
  await sql`
    create unique index reports_open_key on reports
      (reporter_id, subject_kind, coalesce(video_id, comment_id, subject_account_id))
    where status = 'open'`.execute(db);
  await sql`create index reports_queue_idx on reports (created_at, id) where status = 'open'`.execute(
    db,
  );

  // Append-only: who did what, to what, when and why.
  await sql`
    create table moderation_actions (
      id uuid primary key,
      admin_id uuid references accounts (id) on delete set null,
      admin_handle text not null,
      action text not null check (action in ('dismiss', 'remove-content', 'suspend-account')),
      report_id uuid references reports (id) on delete set null,
      subject_kind text not null check (subject_kind in ('video', 'comment', 'account')),
      subject_id uuid not null,
      subject_account_id uuid,
      reason text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index moderation_actions_created_idx on moderation_actions (created_at desc, id desc)`.execute(
    db,
  );
}
