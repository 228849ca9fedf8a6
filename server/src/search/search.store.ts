// Kysely queries for search: accounts by handle and name (pg_trgm, with a substring fallback for
// scripts the cluster's ctype does not split into trigrams), captions by full text, hashtags by
// prefix and similarity. Every match passes the same visibility predicates as the feeds.
// Text is folded (unaccent + lower) by shortwave_fold() in SQL, the same function the indexes use.
import { sql, type RawBuilder } from 'kysely';
import type { AccountRow, Db } from '../platform/db/index.js';
import { selectVideosWithCreator } from '../engagement/index.js';
import { accountVisibleTo, videoVisibleTo } from '../social/index.js';

/** Scores are rounded numerics (strings on the wire): exact in a keyset cursor. */
export type ScoreCursor = { score: string; id: string };
export type ScoredAccount = AccountRow & { score: string };
export type HashtagCount = { tag: string; videoCount: number; viewCount: number };

/** A LIKE pattern matching `text` literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

const fold = (value: RawBuilder<unknown>) => sql`shortwave_fold(${value})`;

export class SearchStore {
  constructor(private readonly db: Db) {}

  searchAccounts(viewerId: string | null, query: string, limit: number, cursor?: ScoreCursor) {
    const q = fold(sql`${query}::text`);
    const contains = fold(sql`${`%${likeLiteral(query)}%`}::text`);
    const handle = sql`shortwave_fold(accounts.handle)`;
    const name = sql`shortwave_fold(accounts.display_name)`;
    // Prefix matches of the handle first, then the closest words, then any substring.
    const score = sql<string>`round(greatest(
      case when ${handle} like ${fold(sql`${`${likeLiteral(query)}%`}::text`)} then 1.5 else 0 end,
      word_similarity(${q}, ${handle}) + 0.01,
      word_similarity(${q}, ${name}),
      case when ${name} like ${contains} then 0.5 else 0 end
    )::numeric, 4)`;
    let select = this.db
      .selectFrom('accounts')
      .selectAll()
      .select(score.as('score'))
      .where(
        sql<boolean>`(${q} <% ${handle} or ${q} <% ${name} or ${handle} like ${contains} or ${name} like ${contains})`,
      )
      .where(accountVisibleTo(viewerId));
    if (cursor) {
      select = select.where(
        sql<boolean>`(${score}, accounts.id) < (${cursor.score}::numeric, ${cursor.id}::uuid)`,
      );
    }
    return select
      .orderBy('score', 'desc')
      .orderBy('accounts.id', 'desc')
      .limit(limit + 1)
      .execute() as Promise<ScoredAccount[]>;
  }

  /** Captions matching every word (as a prefix), best match first. */
  searchVideos(viewerId: string | null, words: string[], limit: number, cursor?: ScoreCursor) {
    const lexemes = sql.join(
      words.map((word) => sql`quote_literal(shortwave_fold(${word}::text)) || ':*'`),
      sql` || ' & ' || `,
    );
    const tsquery = sql`to_tsquery('simple', ${lexemes})`;
    const document = sql`to_tsvector('simple', shortwave_fold(videos.caption))`;
    const score = sql<string>`round(ts_rank(${document}, ${tsquery})::numeric, 6)`;
    let select = selectVideosWithCreator(this.db)
      .select(score.as('score'))
      .where(sql<boolean>`${document} @@ ${tsquery}`)
      .where(videoVisibleTo(viewerId));
    if (cursor) {
      select = select.where(
        sql<boolean>`(${score}, videos.id) < (${cursor.score}::numeric, ${cursor.id}::uuid)`,
      );
    }
    return select
      .orderBy('score', 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Hashtags starting with (or close to) the query, most used first. */
  async searchHashtags(viewerId: string | null, query: string, limit: number) {
    const { rows } = await sql<HashtagCount>`
      select matches.tag, counts.video_count, counts.view_count
      from (
        select tag, (tag like ${`${likeLiteral(query)}%`}) as is_prefix, similarity(tag, ${query}) as closeness
        from hashtags
        where tag like ${`${likeLiteral(query)}%`} or tag % ${query}
        order by is_prefix desc, closeness desc, tag
        limit 200
      ) matches
      cross join lateral (${this.countsOf(viewerId, sql`matches.tag`)}) counts
      where counts.video_count > 0
      order by matches.is_prefix desc, counts.video_count desc, matches.tag
      limit ${limit}`.execute(this.db);
    return rows;
  }

  private countsOf(viewerId: string | null, tag: RawBuilder<unknown>) {
    return sql`select count(*) as video_count, coalesce(sum(video_stats.view_count), 0)::bigint as view_count
      from videos left join video_stats on video_stats.video_id = videos.id
      where videos.hashtags @> array[${tag}]::text[] and ${videoVisibleTo(viewerId)}`;
  }

  async hashtag(viewerId: string | null, tag: string): Promise<HashtagCount | undefined> {
    const { rows } = await sql<HashtagCount>`
      select hashtags.tag, counts.video_count, counts.view_count
      from hashtags cross join lateral (${this.countsOf(viewerId, sql`hashtags.tag`)}) counts
      where hashtags.tag = ${tag}`.execute(this.db);
    return rows[0];
  }

  listHashtagVideos(
    viewerId: string | null,
    tag: string,
    limit: number,
    cursor?: { readyAt: Date; id: string },
  ) {
    let select = selectVideosWithCreator(this.db)
      .where(sql<boolean>`videos.hashtags @> array[${tag}]::text[]`)
      .where(videoVisibleTo(viewerId));
    if (cursor) {
      select = select.where((eb) =>
        eb(eb.refTuple('videos.readyAt', 'videos.id'), '<', eb.tuple(cursor.readyAt, cursor.id)),
      );
    }
    return select
      .orderBy('videos.readyAt', 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Hashtags on the most videos published in the window, then the most viewed. */
  async trendingHashtags(viewerId: string | null, since: Date, limit: number) {
    const { rows } = await sql<HashtagCount>`
      select tag, count(*) as video_count, coalesce(sum(video_stats.view_count), 0)::bigint as view_count
      from videos
      cross join lateral unnest(videos.hashtags) as tag
      left join video_stats on video_stats.video_id = videos.id
      where videos.ready_at >= ${since} and ${videoVisibleTo(viewerId)}
      group by tag
      order by video_count desc, view_count desc, tag
      limit ${limit}`.execute(this.db);
    return rows;
  }
}
