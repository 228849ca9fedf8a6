import { sql, type Kysely } from 'kysely';

// A group's co-watch increments merged into the stored lists inside PostgreSQL: the learner sends
// only the increments (about a dozen per list) instead of reading every list it touches (up to 200
// uuids and weights each) and writing it back. The rule is ranking's co-watch-list.ts, weighted
// Space-Saving; recommendation.co-watch.test.ts checks that both give the same lists.
//
// Newcomers are taken lightest first. Those that fit are appended; each later one takes the place
// of the lightest entry (of equal ones, the greatest id) with that entry's weight plus its own.
// The entries it can displace are two queues, each lightest first: the list as it stood
// (`kept`) and the newcomers already placed (`placed`, whose weights never decrease: each is the
// lightest weight then, which never decreases, plus an increment no lighter than the one before).
// So each displacement compares two heads instead of scanning the list. A list with room for
// every newcomer (most are), or with no newcomer, is merged in one statement instead (a full list
// without one: about 110 µs instead of 215). `add_ids` holds no id twice.
// Each array is aggregated from one sorted subquery: aggregating two arrays with their own
// `order by` sorts twice (measured: a list with room then took 2.5 times as long).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function co_watch_merge(
      ids uuid[], weights double precision[], add_ids uuid[], add_weights double precision[],
      capacity integer, out merged_ids uuid[], out merged_weights double precision[])
    language plpgsql immutable parallel safe as $$
    declare
      new_ids uuid[];
      new_weights double precision[];
      free integer := greatest(capacity - cardinality(ids), 0);
      kept_ids uuid[];
      kept_weights double precision[];
      placed_ids uuid[] := '{}';
      placed_weights double precision[] := '{}';
      k integer := 1;
      p integer := 1;
      lightest double precision;
    begin
      if capacity < 1 then
        raise exception 'co_watch_merge: capacity must be at least 1, not %', capacity;
      end if;
      -- Room, or no newcomer (a full list's increments often all go to its present entries).
      if free > 0 or add_ids <@ ids then
        select coalesce(array_agg(id), '{}'), coalesce(array_agg(weight), '{}')
        into merged_ids, merged_weights
        from (
          select coalesce(c.id, a.id) as id, coalesce(c.weight, 0) + coalesce(a.weight, 0) as weight
          from unnest(ids, weights) as c (id, weight)
            full join unnest(add_ids, add_weights) as a (id, weight) on a.id = c.id
          order by 2 desc, 1) e;
        if cardinality(merged_ids) <= capacity then
          return;
        end if;
      end if;
      select coalesce(array_agg(id), '{}'), coalesce(array_agg(weight), '{}')
      into new_ids, new_weights
      from (
        select a.id, a.weight from unnest(add_ids, add_weights) as a (id, weight)
        where a.id <> all (ids) order by a.weight, a.id desc) n;
      select coalesce(array_agg(id), '{}'), coalesce(array_agg(weight), '{}')
      into kept_ids, kept_weights
      from (
        select * from (
          select c.id, c.weight + coalesce(a.weight, 0)
          from unnest(ids, weights) as c (id, weight)
            left join unnest(add_ids, add_weights) as a (id, weight) on a.id = c.id
          union all
          select * from unnest(new_ids[:free], new_weights[:free])) e (id, weight)
        order by weight, id desc) e;

      for i in free + 1 .. cardinality(new_ids) loop
        if p > cardinality(placed_ids) or (k <= cardinality(kept_ids) and (
            kept_weights[k] < placed_weights[p]
            or (kept_weights[k] = placed_weights[p] and kept_ids[k] > placed_ids[p]))) then
          lightest := kept_weights[k];
          k := k + 1;
        else
          lightest := placed_weights[p];
          p := p + 1;
        end if;
        placed_ids := placed_ids || new_ids[i];
        placed_weights := placed_weights || (lightest + new_weights[i]);
      end loop;

      select coalesce(array_agg(id), '{}'), coalesce(array_agg(weight), '{}')
      into merged_ids, merged_weights
      from (
        select * from (
          select * from unnest(kept_ids[k:], kept_weights[k:])
          union all
          select * from unnest(placed_ids[p:], placed_weights[p:])) e (id, weight)
        order by weight desc, id) e;
    end
    $$`.execute(db);
}
