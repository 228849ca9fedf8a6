import type { Kysely } from 'kysely';

// The subtitles a source carried, published as one WebVTT file beside the renditions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('videos')
    .addColumn('subtitles_key', 'text')
    .addColumn('subtitles_language', 'text')
    .execute();
}
