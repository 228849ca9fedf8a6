// The rules of the follow graph: follows and requests to private accounts, approving and
// declining, followers and following lists, blocks and mutes, and who may see whose lists.
import type { Logger } from 'pino';
import { presentProfile, type Profile } from '../accounts/index.js';
import type { Transaction } from 'kysely';
import type { AccountRow, DB } from '../platform/db/index.js';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import type { Queue } from '../platform/queue/index.js';
import type { Audience } from '../videos/index.js';
import {
  accountNotFound,
  cannotBlockYourself,
  cannotFollowYourself,
  noFollowRequest,
  privateAccount,
} from './social.errors.js';
import type { ListedAccount, SocialStore } from './social.store.js';

/** Events of the follow graph; notifications (and later federation) subscribe. */
export const SOCIAL_EVENTS = {
  followed: 'account.followed',
  unfollowed: 'account.unfollowed',
  followRequested: 'follow.requested',
  followAccepted: 'follow.accepted',
} as const;
export type FollowEvent = { followerId: string; followeeId: string; at: string };

export type FollowStatus = 'following' | 'requested' | 'none';
export type Relationship = {
  following: FollowStatus;
  isFollowedBy: boolean;
  isBlocking: boolean;
  isMuting: boolean;
};

const statusOf = (state: 'pending' | 'accepted' | null | undefined): FollowStatus =>
  state === 'accepted' ? 'following' : state === 'pending' ? 'requested' : 'none';

type Cursor = { since: Date; id: string };
const readCursor = (cursor: string | undefined): Cursor | undefined => {
  if (!cursor) return undefined;
  const [since, id] = decodeCursor(cursor, 2);
  return { since: new Date(String(since)), id: String(id) };
};
const pageOfAccounts = (rows: ListedAccount[], limit: number): Page<Profile> =>
  toPage(rows, limit, (row) => [row.since.toISOString(), row.id], presentProfile);

export class SocialService {
  constructor(private readonly deps: { store: SocialStore; queue: Queue; log: Logger }) {}

  /** For the videos capability's visibility rule (and media delivery). */
  audienceOf(viewerId: string | null, video: { id: string; accountId: string }): Promise<Audience> {
    return this.deps.store.audienceOf(viewerId, video);
  }

  isFollower(viewerId: string, creatorId: string): Promise<boolean> {
    return this.deps.store.isFollower(viewerId, creatorId);
  }

  isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    return this.deps.store.isBlockedEitherWay(a, b);
  }

  /** The account by handle, unless suspended or blocked either way: then "not found". */
  async getVisibleAccount(viewerId: string | null, handle: string): Promise<AccountRow> {
    const account = await this.deps.store.findVisibleAccount(handle, viewerId);
    if (!account) throw accountNotFound(handle);
    return account;
  }

  /** Whether the viewer may see a (possibly private) account's videos and lists. */
  async canSeeContentOf(viewerId: string | null, account: AccountRow): Promise<boolean> {
    if (!account.isPrivate || viewerId === account.id) return true;
    return viewerId !== null && this.deps.store.isFollower(viewerId, account.id);
  }

  countsOf(accountId: string) {
    return this.deps.store.countsOf(accountId);
  }

  // ---- following ----

  /** Follows at once, or asks a private account's owner; repeating it changes nothing. */
  async follow(viewer: Viewer, handle: string): Promise<FollowStatus> {
    const target = await this.getVisibleAccount(viewer.accountId, handle);
    if (target.id === viewer.accountId) throw cannotFollowYourself();
    return this.deps.store.transaction(async (trx) => {
      const state = target.isPrivate ? 'pending' : 'accepted';
      const inserted = await this.deps.store.insertFollow(viewer.accountId, target.id, state, trx);
      if (!inserted) {
        return statusOf(
          (await this.deps.store.findFollow(viewer.accountId, target.id, trx))?.state,
        );
      }
      const event = state === 'accepted' ? SOCIAL_EVENTS.followed : SOCIAL_EVENTS.followRequested;
      await this.publish(event, viewer.accountId, target.id, trx);
      return statusOf(state);
    });
  }

  /** Unfollows, or withdraws a pending request. */
  async unfollow(viewer: Viewer, handle: string): Promise<void> {
    const target = await this.deps.store.findAccountByHandle(handle);
    if (!target) throw accountNotFound(handle);
    await this.deps.store.transaction(async (trx) => {
      const deleted = await this.deps.store.deleteFollow(viewer.accountId, target.id, trx);
      if (deleted?.state === 'accepted')
        await this.publish(SOCIAL_EVENTS.unfollowed, viewer.accountId, target.id, trx);
    });
  }

  async approveRequest(viewer: Viewer, handle: string): Promise<void> {
    const requester = await this.deps.store.findAccountByHandle(handle);
    if (!requester) throw accountNotFound(handle);
    await this.deps.store.transaction(async (trx) => {
      const accepted = await this.deps.store.acceptRequest(requester.id, viewer.accountId, trx);
      if (!accepted) throw noFollowRequest(handle);
      await this.publish(SOCIAL_EVENTS.followAccepted, requester.id, viewer.accountId, trx);
    });
  }

  async declineRequest(viewer: Viewer, handle: string): Promise<void> {
    const requester = await this.deps.store.findAccountByHandle(handle);
    if (!requester) throw accountNotFound(handle);
    const declined = await this.deps.store.transaction((trx) =>
      this.deps.store.deleteFollow(requester.id, viewer.accountId, trx, 'pending'),
    );
    if (!declined) throw noFollowRequest(handle);
  }

  /** Stops someone following you (or drops their request), without blocking them. */
  async removeFollower(viewer: Viewer, handle: string): Promise<void> {
    const follower = await this.deps.store.findAccountByHandle(handle);
    if (!follower) throw accountNotFound(handle);
    await this.deps.store.transaction(async (trx) => {
      const deleted = await this.deps.store.deleteFollow(follower.id, viewer.accountId, trx);
      if (deleted?.state === 'accepted')
        await this.publish(SOCIAL_EVENTS.unfollowed, follower.id, viewer.accountId, trx);
    });
  }

  async getPrivacy(viewer: Viewer): Promise<{ isPrivate: boolean }> {
    return { isPrivate: await this.deps.store.isPrivate(viewer.accountId) };
  }

  /** Going public accepts every pending request, as the requesters asked to follow. */
  async setPrivate(viewer: Viewer, isPrivate: boolean): Promise<{ isPrivate: boolean }> {
    await this.deps.store.transaction(async (trx) => {
      await this.deps.store.setPrivate(viewer.accountId, isPrivate, trx);
      if (isPrivate) return;
      const accepted = await this.deps.store.acceptAllRequests(viewer.accountId, trx);
      for (const follow of accepted)
        await this.publish(SOCIAL_EVENTS.followAccepted, follow.followerId, viewer.accountId, trx);
    });
    return { isPrivate };
  }

  async listFollowers(viewerId: string | null, handle: string, limit: number, cursor?: string) {
    const account = await this.getVisibleAccount(viewerId, handle);
    if (!(await this.canSeeContentOf(viewerId, account))) throw privateAccount(account.handle);
    const rows = await this.deps.store.listFollowers(
      account.id,
      'accepted',
      viewerId,
      limit,
      readCursor(cursor),
    );
    return pageOfAccounts(rows, limit);
  }

  async listFollowing(viewerId: string | null, handle: string, limit: number, cursor?: string) {
    const account = await this.getVisibleAccount(viewerId, handle);
    if (!(await this.canSeeContentOf(viewerId, account))) throw privateAccount(account.handle);
    const rows = await this.deps.store.listFollowing(
      account.id,
      viewerId,
      limit,
      readCursor(cursor),
    );
    return pageOfAccounts(rows, limit);
  }

  async listFollowRequests(viewer: Viewer, limit: number, cursor?: string) {
    const rows = await this.deps.store.listFollowers(
      viewer.accountId,
      'pending',
      viewer.accountId,
      limit,
      readCursor(cursor),
    );
    return pageOfAccounts(rows, limit);
  }

  async relationship(viewer: Viewer, handle: string): Promise<Relationship> {
    const other = await this.getVisibleAccount(viewer.accountId, handle);
    return this.relationshipWith(viewer.accountId, other.id);
  }

  async relationshipWith(viewerId: string, otherId: string): Promise<Relationship> {
    const row = await this.deps.store.relationship(viewerId, otherId);
    return {
      following: statusOf(row.following),
      isFollowedBy: row.followedBy === 'accepted',
      isBlocking: row.isBlocking,
      isMuting: row.isMuting,
    };
  }

  // ---- blocks and mutes ----

  /** Both become invisible to each other; follows in both directions end. */
  async block(viewer: Viewer, handle: string): Promise<void> {
    const target = await this.findOther(viewer, handle);
    await this.deps.store.transaction((trx) =>
      this.deps.store.block(viewer.accountId, target.id, trx),
    );
    this.deps.log.info({ accountId: viewer.accountId, blockedId: target.id }, 'account blocked');
  }

  async unblock(viewer: Viewer, handle: string): Promise<void> {
    await this.deps.store.unblock(viewer.accountId, (await this.findOther(viewer, handle)).id);
  }

  async mute(viewer: Viewer, handle: string): Promise<void> {
    const target = await this.getVisibleAccount(viewer.accountId, handle);
    if (target.id === viewer.accountId) throw cannotBlockYourself();
    await this.deps.store.mute(viewer.accountId, target.id);
  }

  async unmute(viewer: Viewer, handle: string): Promise<void> {
    await this.deps.store.unmute(viewer.accountId, (await this.findOther(viewer, handle)).id);
  }

  async listBlocked(viewer: Viewer, limit: number, cursor?: string) {
    return pageOfAccounts(
      await this.deps.store.listBlocked(viewer.accountId, limit, readCursor(cursor)),
      limit,
    );
  }

  async listMuted(viewer: Viewer, limit: number, cursor?: string) {
    return pageOfAccounts(
      await this.deps.store.listMuted(viewer.accountId, limit, readCursor(cursor)),
      limit,
    );
  }

  /** Blocking works whoever blocked first, so it looks the account up regardless of blocks. */
  private async findOther(viewer: Viewer, handle: string): Promise<AccountRow> {
    const target = await this.deps.store.findAccountByHandle(handle);
    if (!target) throw accountNotFound(handle);
    if (target.id === viewer.accountId) throw cannotBlockYourself();
    return target;
  }

  private publish(event: string, followerId: string, followeeId: string, trx: Transaction<DB>) {
    const payload: FollowEvent = { followerId, followeeId, at: new Date().toISOString() };
    return this.deps.queue.publish(event, payload, { trx });
  }
}
