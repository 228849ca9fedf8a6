import { sql, type Kysely } from 'kysely';

// No statistics of the co-watch lists' arrays: no query filters on their elements, and ANALYZE
// of video_co_watch spent most of its time on them (detoasting 30,000 sampled lists of up to 800
// uuids and weights, for a 29 kB histogram and a 16 kB element list). On bench:feed's scale-1
// instance it took 646-1,216 ms with them and 281-305 ms without, on the same two cores as the
// pages (autovacuum ran it while events arrived).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table video_co_watch
    alter column neighbour_ids set statistics 0,
    alter column weights set statistics 0`.execute(db);
}
