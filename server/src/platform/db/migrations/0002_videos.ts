import { sql, type Kysely } from 'kysely';

// Videos: the record a creator edits, the state of its processing, and what was published.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table videos (
      id uuid primary key,
      account_id uuid not null references accounts (id) on delete cascade,
      caption text not null default '',
      hashtags text[] not null default '{}',
      mentions text[] not null default '{}',
      visibility text not null default 'public' check (visibility in ('public', 'followers', 'private')),
      comments_enabled boolean not null default true,
      language text,
      state text not null default 'uploading' check (state in ('uploading', 'processing', 'ready', 'failed')),
      failure_code text,
      failure_reason text,
      processing_percent smallint not null default 0 check (processing_percent between 0 and 100),
      upload_id text unique,
      upload_size_bytes bigint,
      source_key text,
      duration_ms integer,
      width integer,
      height integer,
      media_revision text,
      renditions jsonb not null default '[]',
      poster_key text,
      thumbnails_key text,
      thumbnails_vtt_key text,
      playable_at timestamptz,
      ready_at timestamptz,
      processing_attempt text,
      processing_owner text,
      processing_heartbeat_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index videos_account_idx on videos (account_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`
    create index videos_public_ready_idx on videos (ready_at desc, id desc)
    where state = 'ready' and visibility = 'public'`.execute(db);
  await sql`create index videos_hashtags_idx on videos using gin (hashtags)`.execute(db);
  await sql`create index videos_processing_idx on videos (processing_heartbeat_at) where state = 'processing'`.execute(
    db,
  );
  await sql`create index videos_uploading_idx on videos (created_at) where state = 'uploading'`.execute(
    db,
  );
}
