import { sql, type Kysely } from 'kysely';

// The For You page's index scans answer from the index alone: a recent video's heaviest co-watch
// neighbours, and a creator's latest ready videos (the followed and favourite-creator sources;
// a bitmap scan there read every video of a prolific creator to sort out the newest fifteen).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index video_neighbours_heaviest_idx on video_neighbours (video_id, weight desc) include (neighbour_id)`.execute(
    db,
  );
  await sql`drop index video_neighbours_weight_idx`.execute(db);
  await sql`create index videos_creator_latest_idx on videos (account_id, ready_at desc) include (id) where state = 'ready'`.execute(
    db,
  );
  await sql`drop index videos_account_ready_idx`.execute(db);
}
