// Logins and API tokens. A secret is 32 random bytes shown to its holder once; the database keeps
// only its SHA-256, so a leaked table lets nobody in.
import { createHash, randomBytes } from 'node:crypto';
import type { Page, ResolveSecret, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import { notFound } from '../platform/errors.js';
import type { AccountsStore } from './accounts.store.js';
import { wrongCredentials } from './accounts.errors.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import type { AccountRow } from '../platform/db/index.js';

const TOKEN_PREFIX = 'swt_';
// Sliding expiry: extend a session at most this often, not on every request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type StartedSession = { secret: string; csrfToken: string; expiresAt: Date };

export type SessionSummary = {
  id: string;
  kind: 'cookie' | 'token';
  label: string;
  userAgent: string;
  createdAt: string;
  lastUsedAt: string;
  isCurrent: boolean;
};

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export class SessionsService {
  constructor(
    private readonly store: AccountsStore,
    private readonly options: { sessionDays: number },
  ) {}

  private expiryFromNow(): Date {
    return new Date(Date.now() + this.options.sessionDays * 24 * 60 * 60 * 1000);
  }

  async startSession(accountId: string, userAgent: string): Promise<StartedSession> {
    const secret = newSecret();
    const csrfToken = newSecret();
    const expiresAt = this.expiryFromNow();
    await this.store.insertSession({
      id: hashSecret(secret),
      accountId,
      kind: 'cookie',
      csrfToken,
      userAgent: userAgent.slice(0, 300),
      expiresAt,
    });
    return { secret, csrfToken, expiresAt };
  }

  async logIn(
    handle: string,
    password: string,
    userAgent: string,
  ): Promise<{ account: AccountRow; session: StartedSession }> {
    const account = await this.store.findByHandle(handle);
    if (!account) {
      await verifyAgainstDummy(password);
      throw wrongCredentials();
    }
    if (!(await verifyPassword(account.passwordHash, password))) throw wrongCredentials();
    return { account, session: await this.startSession(account.id, userAgent) };
  }

  /** The request authenticator: a cookie or bearer secret to the viewer it belongs to. */
  readonly resolve: ResolveSecret = async (secret, kind) => {
    if (secret.length > 200) return null;
    if (kind === 'token' && !secret.startsWith(TOKEN_PREFIX)) return null;
    const id = hashSecret(kind === 'token' ? secret.slice(TOKEN_PREFIX.length) : secret);
    const live = await this.store.findLiveSession(id, kind);
    if (!live) return null;
    if (Date.now() - live.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.store.touchSession(id, live.expiresAt === null ? null : this.expiryFromNow());
    }
    return {
      accountId: live.accountId,
      handle: live.handle,
      isAdmin: live.role === 'admin',
      sessionId: live.sessionId,
      via: kind,
      csrfToken: live.csrfToken,
    } satisfies Viewer;
  };

  async logOut(viewer: Viewer): Promise<void> {
    await this.store.deleteSession(viewer.sessionId, viewer.accountId);
  }

  async createToken(
    viewer: Viewer,
    label: string,
  ): Promise<{ id: string; label: string; token: string }> {
    const secret = newSecret();
    const id = hashSecret(secret);
    await this.store.insertSession({
      id,
      accountId: viewer.accountId,
      kind: 'token',
      label,
      csrfToken: null,
      userAgent: '',
      expiresAt: null,
    });
    return { id, label, token: `${TOKEN_PREFIX}${secret}` };
  }

  async listSessions(
    viewer: Viewer,
    limit: number,
    cursor?: string,
  ): Promise<Page<SessionSummary>> {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.store.listSessions(
      viewer.accountId,
      limit,
      after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    return toPage(
      rows,
      limit,
      (row) => [row.createdAt.toISOString(), row.id],
      (row) => ({
        id: row.id,
        kind: row.kind,
        label: row.label,
        userAgent: row.userAgent,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt.toISOString(),
        isCurrent: row.id === viewer.sessionId,
      }),
    );
  }

  async revokeSession(viewer: Viewer, id: string): Promise<void> {
    if (!(await this.store.deleteSession(id, viewer.accountId))) throw notFound('session');
  }

  deleteExpiredSessions(): Promise<number> {
    return this.store.deleteExpiredSessions();
  }
}
