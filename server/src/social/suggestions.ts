// Whom to follow next: friends of friends first (accounts the people you follow follow, by how
// many of them do), then accounts popular in your language. Never yourself, anyone you already
// follow or asked to, anyone blocked either way, muted or suspended.
import { sql } from 'kysely';
import { presentProfile, type Profile } from '../accounts/index.js';
import type { AccountRow, Db } from '../platform/db/index.js';
import { accountVisibleTo, notMutedBy } from './audience.js';

export type FollowSuggestion = {
  account: Profile;
  reason: 'followed-by-people-you-follow' | 'popular-in-your-language';
  /** How many accounts you follow follow this one. */
  mutualFollowCount: number;
};

type Candidate = AccountRow & { score: number };

export class SuggestionsService {
  constructor(private readonly db: Db) {}

  async suggest(viewerId: string, language: string | null, limit: number) {
    const friendsOfFriends = await this.friendsOfFriends(viewerId, limit);
    const suggestions: FollowSuggestion[] = friendsOfFriends.map((row) => ({
      account: presentProfile(row),
      reason: 'followed-by-people-you-follow',
      mutualFollowCount: row.score,
    }));
    if (suggestions.length < limit && language) {
      const seen = new Set(suggestions.map((s) => s.account.id));
      for (const row of await this.popularIn(viewerId, language, limit)) {
        if (seen.has(row.id) || suggestions.length >= limit) continue;
        suggestions.push({
          account: presentProfile(row),
          reason: 'popular-in-your-language',
          mutualFollowCount: 0,
        });
      }
    }
    return suggestions;
  }

  private candidates(viewerId: string) {
    return this.db
      .selectFrom('accounts as creator')
      .where('creator.id', '!=', viewerId)
      .where(accountVisibleTo(viewerId, 'creator'))
      .where(notMutedBy(viewerId, sql`creator.id`))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('follows')
              .select('follows.followeeId')
              .where('follows.followerId', '=', viewerId)
              .whereRef('follows.followeeId', '=', 'creator.id'),
          ),
        ),
      );
  }

  private friendsOfFriends(viewerId: string, limit: number): Promise<Candidate[]> {
    return this.candidates(viewerId)
      .innerJoin('follows as second', (join) =>
        join.onRef('second.followeeId', '=', 'creator.id').on('second.state', '=', 'accepted'),
      )
      .innerJoin('follows as first', (join) =>
        join
          .onRef('first.followeeId', '=', 'second.followerId')
          .on('first.followerId', '=', viewerId)
          .on('first.state', '=', 'accepted'),
      )
      .selectAll('creator')
      .select((eb) => eb.fn.countAll<number>().as('score'))
      .groupBy('creator.id')
      .orderBy('score', 'desc')
      .orderBy('creator.id')
      .limit(limit)
      .execute();
  }

  /** Accounts with the most followers among those posting public videos in the language. */
  private popularIn(viewerId: string, language: string, limit: number): Promise<Candidate[]> {
    const primary = language.toLowerCase().split('-')[0]!;
    return this.candidates(viewerId)
      .leftJoin('accountStats', 'accountStats.accountId', 'creator.id')
      .where('creator.isPrivate', '=', false)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('videos')
            .select('videos.id')
            .whereRef('videos.accountId', '=', 'creator.id')
            .where('videos.state', '=', 'ready')
            .where('videos.visibility', '=', 'public')
            .where('videos.removedAt', 'is', null)
            .where((eb) =>
              eb.or([
                eb(sql`lower(videos.language)`, '=', primary),
                eb(sql`lower(videos.language)`, 'like', `${primary}-%`),
              ]),
            ),
        ),
      )
      .selectAll('creator')
      .select(sql<number>`coalesce(account_stats.follower_count, 0)`.as('score'))
      .orderBy('score', 'desc')
      .orderBy('creator.id')
      .limit(limit)
      .execute();
  }
}
