import { sql, type Kysely } from 'kysely';

// Search: fuzzy accounts (pg_trgm), accent-insensitive full-text captions (unaccent), and a
// registry of every hashtag ever used, for hashtag search and typeahead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Both are trusted extensions (PostgreSQL >= 13): a database owner may create them.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  // unaccent() is only STABLE (its dictionary could change), so indexes need an IMMUTABLE wrapper
  // naming the dictionary and the schema the extension lives in.
  const { rows } = await sql<{ schema: string }>`
    select extnamespace::regnamespace::text as schema from pg_extension where extname = 'unaccent'
  `.execute(db);
  const schema = sql.id(rows[0]!.schema);
  await sql`
    create function shortwave_fold(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(${schema}.unaccent(${sql.lit(`${rows[0]!.schema}.unaccent`)}::regdictionary, value)) $$
  `.execute(db);

  await sql`create index accounts_handle_trgm_idx on accounts using gin (shortwave_fold(handle) gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index accounts_display_name_trgm_idx on accounts using gin (shortwave_fold(display_name) gin_trgm_ops)`.execute(
    db,
  );
  // 'simple': no stemming, so every language is searched the same way.
  await sql`create index videos_caption_fts_idx on videos using gin (to_tsvector('simple', shortwave_fold(caption)))`.execute(
    db,
  );

  await sql`
    create table hashtags (
      tag text primary key,
      first_used_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hashtags_prefix_idx on hashtags (tag text_pattern_ops)`.execute(db);
  await sql`create index hashtags_trgm_idx on hashtags using gin (tag gin_trgm_ops)`.execute(db);

  // Every tag written into a caption or a comment is registered, whichever code path wrote it.
  await sql`
    create function shortwave_register_hashtags() returns trigger language plpgsql as $$
    begin
      if cardinality(new.hashtags) > 0 then
        insert into hashtags (tag) select distinct unnest(new.hashtags) on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of ['videos', 'comments']) {
    await sql`
      create trigger ${sql.raw(`${table}_register_hashtags`)}
      after insert or update of hashtags on ${sql.raw(table)}
      for each row execute function shortwave_register_hashtags()`.execute(db);
  }
  await sql`insert into hashtags (tag) select distinct unnest(hashtags) from videos on conflict do nothing`.execute(
    db,
  );
}
