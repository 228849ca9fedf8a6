// The rules of accounts: sign-up, profiles, avatars, password changes, deletion, admins.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { AccountRow } from '../platform/db/index.js';
import type { BlobStore } from '../platform/blobs/index.js';
import { DELETE_PENDING_BLOBS_JOB, requestBlobDeletion } from '../platform/blobs/index.js';
import { notFound } from '../platform/errors.js';
import type { Viewer } from '../platform/http/index.js';
import type { Queue } from '../platform/queue/index.js';
import type { AccountsStore } from './accounts.store.js';
import { handleReserved, handleTaken, wrongPassword } from './accounts.errors.js';
import { renderAvatar } from './avatar.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SessionsService, StartedSession } from './sessions.service.js';

// Words that name pages, roles or the service itself: nobody may pose as them.
const RESERVED_HANDLES = new Set(
  (
    'about admin administrator api app assets explore feed following foryou hashtag help inbox ' +
    'legal live login logout me media moderation moderator notifications null official privacy ' +
    'root search security settings shortwave signup static support system tag terms trending ' +
    'undefined upload video videos www'
  ).split(' '),
);

export type Profile = {
  id: string;
  handle: string;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  createdAt: string;
};

export type Me = Profile & { isAdmin: boolean; homeRegion: string };

/** Blobs of an account live under this prefix, so deleting the account deletes them all. */
export const accountBlobPrefix = (accountId: string) => `accounts/${accountId}/`;

/** The public URL of an account's avatar (content-addressed, so cacheable forever). */
export function avatarUrlOf(accountId: string, avatarKey: string | null): string | null {
  const avatarFile = avatarKey?.split('/').at(-1);
  return avatarFile ? `/avatars/${accountId}/${avatarFile}` : null;
}

export function presentProfile(account: AccountRow): Profile {
  return {
    id: account.id,
    handle: account.handle,
    displayName: account.displayName || account.handle,
    bio: account.bio,
    avatarUrl: avatarUrlOf(account.id, account.avatarKey),
    createdAt: account.createdAt.toISOString(),
  };
}

export function presentMe(account: AccountRow): Me {
  return {
    ...presentProfile(account),
    isAdmin: account.role === 'admin',
    homeRegion: account.homeRegion,
  };
}

export class AccountsService {
  constructor(
    private readonly deps: {
      store: AccountsStore;
      sessions: SessionsService;
      blobs: BlobStore;
      queue: Queue;
      region: string;
      log: Logger;
    },
  ) {}

  async signUp(
    input: { handle: string; password: string; displayName?: string | undefined },
    userAgent: string,
  ): Promise<{ account: AccountRow; session: StartedSession }> {
    if (RESERVED_HANDLES.has(input.handle.toLowerCase())) throw handleReserved(input.handle);
    const account = await this.createAccount(input);
    return { account, session: await this.deps.sessions.startSession(account.id, userAgent) };
  }

  private async createAccount(input: {
    handle: string;
    password: string;
    displayName?: string | undefined;
    role?: 'member' | 'admin';
  }): Promise<AccountRow> {
    const account = await this.deps.store.insertAccount({
      id: uuidv7(),
      handle: input.handle,
      displayName: input.displayName ?? '',
      passwordHash: await hashPassword(input.password),
      homeRegion: this.deps.region,
      ...(input.role ? { role: input.role } : {}),
    });
    if (!account) throw handleTaken(input.handle);
    this.deps.log.info({ accountId: account.id }, 'account created');
    return account;
  }

  async getByHandle(handle: string): Promise<AccountRow> {
    const account = await this.deps.store.findByHandle(handle);
    if (!account) throw notFound('account', `Nobody here is called @${handle}.`);
    return account;
  }

  async getById(accountId: string): Promise<AccountRow> {
    const account = await this.deps.store.findById(accountId);
    if (!account) throw notFound('account');
    return account;
  }

  updateProfile(
    viewer: Viewer,
    changes: { displayName?: string | undefined; bio?: string | undefined },
  ) {
    return this.deps.store.updateAccount(viewer.accountId, {
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.bio !== undefined ? { bio: changes.bio } : {}),
    });
  }

  /** Stores the new avatar, points the account at it, and retires the old file. */
  async setAvatar(viewer: Viewer, image: Buffer): Promise<AccountRow> {
    const { webp, digest } = await renderAvatar(image);
    const key = `${accountBlobPrefix(viewer.accountId)}avatar/${digest}.webp`;
    await this.deps.blobs.put(key, webp, 'image/webp');
    return this.replaceAvatarKey(viewer.accountId, key);
  }

  removeAvatar(viewer: Viewer): Promise<AccountRow> {
    return this.replaceAvatarKey(viewer.accountId, null);
  }

  private async replaceAvatarKey(accountId: string, key: string | null): Promise<AccountRow> {
    const account = await this.deps.store.transaction(async (trx) => {
      const before = await this.deps.store.findById(accountId, trx);
      if (!before) throw notFound('account');
      if (before.avatarKey && before.avatarKey !== key) {
        await requestBlobDeletion(trx, [before.avatarKey]);
        await this.deps.queue.send(DELETE_PENDING_BLOBS_JOB, {}, { trx });
      }
      return this.deps.store.updateAccount(accountId, { avatarKey: key }, trx);
    });
    return account;
  }

  /** Changes the password and ends every other session and API token of the account. */
  async changePassword(
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    const account = await this.getById(viewer.accountId);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) throw wrongPassword();
    const passwordHash = await hashPassword(newPassword);
    return this.deps.store.transaction(async (trx) => {
      await this.deps.store.updateAccount(viewer.accountId, { passwordHash }, trx);
      return this.deps.store.deleteOtherSessions(viewer.accountId, viewer.sessionId, trx);
    });
  }

  /** Deletes the account and, through cascades and the blob outbox, everything of it. */
  async deleteAccount(viewer: Viewer, password: string): Promise<void> {
    const account = await this.getById(viewer.accountId);
    if (!(await verifyPassword(account.passwordHash, password))) throw wrongPassword();
    await this.deps.store.transaction(async (trx) => {
      await requestBlobDeletion(trx, [accountBlobPrefix(account.id)]);
      await this.deps.store.deleteAccount(account.id, trx);
      await this.deps.queue.send(DELETE_PENDING_BLOBS_JOB, {}, { trx });
    });
    this.deps.log.info({ accountId: account.id }, 'account deleted');
  }

  /**
   * `shortwave admin create HANDLE`: promotes an account, or creates it with a new password.
   * The operator may take a reserved handle such as "admin".
   */
  async makeAdmin(handle: string): Promise<{ account: AccountRow; password: string | null }> {
    const existing = await this.deps.store.findByHandle(handle);
    if (existing) {
      const account = await this.deps.store.updateAccount(existing.id, { role: 'admin' });
      return { account, password: null };
    }
    const password = randomBytes(12).toString('base64url');
    const account = await this.createAccount({ handle, password, role: 'admin' });
    return { account, password };
  }
}
