import { sql, type Kysely } from 'kysely';

// Co-watch as one bounded list per video (ranking's co-watch-list.ts) instead of one row per
// directed pair. Learning rewrote up to 40 pair rows, each in three indexes, for every video
// watched to the end; it now rewrites one row per video touched, and the page reads one row per
// source video instead of sorting its heaviest pairs. The toast target keeps a full list (200
// neighbours, about 5 kB) in the row: its uuids do not compress, so toasting would only add work.
// The heaviest 200 pairs of each video are carried over; the prune job they needed is gone.
const CARRIED_OVER = 200;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table video_co_watch (
      video_id uuid primary key references videos (id) on delete cascade,
      neighbour_ids uuid[] not null,
      weights double precision[] not null,
      check (cardinality(neighbour_ids) = cardinality(weights))
    ) with (toast_tuple_target = 8160)`.execute(db);
  await sql`
    insert into video_co_watch (video_id, neighbour_ids, weights)
    select video_id, array_agg(neighbour_id order by weight desc, neighbour_id),
      array_agg(weight order by weight desc, neighbour_id)
    from (
      select video_id, neighbour_id, weight,
        row_number() over (partition by video_id order by weight desc, neighbour_id) as rank
      from video_neighbours) ranked
    where rank <= ${sql.lit(CARRIED_OVER)}
    group by video_id`.execute(db);
  await sql`drop table video_neighbours`.execute(db);
}
