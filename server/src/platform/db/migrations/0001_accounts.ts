import { sql, type Kysely } from 'kysely';

// Accounts, their sessions and API tokens, the rate-limit counters and the blob-deletion outbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table accounts (
      id uuid primary key,
      handle text not null,
      display_name text not null default '',
      bio text not null default '',
      avatar_key text,
      password_hash text not null,
      role text not null default 'member' check (role in ('member', 'admin')),
      home_region text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Handles are unique regardless of case: @Ana and @ana are one person.
  await sql`create unique index accounts_handle_lower_key on accounts (lower(handle))`.execute(db);

  // One row per login (cookie) or API token; the id is the SHA-256 of the secret, never the secret.
  await sql`
    create table sessions (
      id text primary key,
      account_id uuid not null references accounts (id) on delete cascade,
      kind text not null check (kind in ('cookie', 'token')),
      label text not null default '',
      csrf_token text,
      user_agent text not null default '',
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz
    )`.execute(db);
  await sql`create index sessions_account_idx on sessions (account_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index sessions_expires_idx on sessions (expires_at) where expires_at is not null`.execute(
    db,
  );

  // Counters for rate limits, shared by every server process; losing them in a crash is harmless.
  await sql`
    create unlogged table rate_limit_windows (
      key text primary key,
      hits integer not null,
      window_ends_at timestamptz not null
    )`.execute(db);

  // Outbox: blob prefixes to delete, written in the same transaction that deletes their rows,
  // drained by a job, so a crash between the two never leaves an orphan file.
  await sql`
    create table blob_deletions (
      prefix text primary key,
      requested_at timestamptz not null default now()
    )`.execute(db);
}
