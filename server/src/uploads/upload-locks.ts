// tus locks one upload at a time so two requests never write it at once, and a request that
// wants an upload asks the one holding it to let go (a phone's resumed upload takes over from its
// own stalled request). @tus/server's MemoryLocker does that within a process; when several HTTP
// processes share the port (SHORTWAVE_HTTP_PROCESSES), the primary that forked them holds the
// locks instead and each process asks it over the IPC channel cluster already opened.
import cluster, { type Worker } from 'node:cluster';
import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from '@tus/server';

type ToPrimary = { uploadLock: 'acquire' | 'release'; id: string; request: number };
type ToFork = { uploadLock: 'granted' | 'release-requested'; request: number };

const isMessage = <T extends { uploadLock: string }>(message: unknown): message is T =>
  typeof message === 'object' && message !== null && 'uploadLock' in message;

/** The locker of this process: the primary's when it is one of several HTTP processes. */
export function createUploadLocker(acquireTimeoutMs = 30_000): Locker {
  return cluster.isWorker
    ? new ForkLocker(acquireTimeoutMs)
    : new MemoryLocker({ acquireLockTimeout: acquireTimeoutMs });
}

class ForkLocker implements Locker {
  private lastRequest = 0;
  /** Waiting requests, each resolved when the primary grants it. */
  private readonly waiting = new Map<number, () => void>();
  /** Holding requests, each with how to ask it to let go. */
  private readonly holding = new Map<number, RequestRelease>();

  constructor(private readonly acquireTimeoutMs: number) {
    process.on('message', (message: unknown) => {
      if (!isMessage<ToFork>(message)) return;
      if (message.uploadLock === 'granted') this.waiting.get(message.request)?.();
      else void this.holding.get(message.request)?.();
    });
  }

  newLock(id: string): Lock {
    const request = (this.lastRequest += 1);
    const send = (uploadLock: ToPrimary['uploadLock']) =>
      process.send?.({ uploadLock, id, request } satisfies ToPrimary);
    return {
      lock: (signal, requestRelease) =>
        new Promise<void>((resolve, reject) => {
          const end = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', giveUp);
            this.waiting.delete(request);
          };
          // A release also withdraws a request the primary has not granted yet.
          const giveUp = () => {
            end();
            send('release');
            // tus answers its own error objects ({ status_code, body }), as MemoryLocker throws.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(ERRORS.ERR_LOCK_TIMEOUT);
          };
          const timer = setTimeout(giveUp, this.acquireTimeoutMs);
          signal.addEventListener('abort', giveUp, { once: true });
          this.waiting.set(request, () => {
            end();
            this.holding.set(request, requestRelease);
            resolve();
          });
          send('acquire');
        }),
      unlock: async () => {
        this.holding.delete(request);
        send('release');
      },
    };
  }
}

type Holder = { worker: Worker; request: number };

/** The primary's side: one holder per upload, the others queued; a dead process lets go of all. */
export function createUploadLockArbiter() {
  const locks = new Map<string, { holder: Holder; waiters: Holder[] }>();
  const tell = (to: Holder, uploadLock: ToFork['uploadLock']) => {
    if (to.worker.isConnected())
      to.worker.send({ uploadLock, request: to.request } satisfies ToFork);
  };
  const release = (id: string, isReleased: (each: Holder) => boolean) => {
    const entry = locks.get(id);
    if (!entry) return;
    entry.waiters = entry.waiters.filter((each) => !isReleased(each));
    if (!isReleased(entry.holder)) return;
    const next = entry.waiters.shift();
    if (next === undefined) {
      locks.delete(id);
      return;
    }
    entry.holder = next;
    tell(next, 'granted');
    // Those still waiting asked the last holder to let go; ask this one too.
    if (entry.waiters.length > 0) tell(next, 'release-requested');
  };

  return {
    /** Serves `worker`'s lock requests until it exits. */
    serve(worker: Worker) {
      worker.on('message', (message: unknown) => {
        if (!isMessage<ToPrimary>(message)) return;
        const from: Holder = { worker, request: message.request };
        const isFrom = (each: Holder) => each.worker === worker && each.request === from.request;
        if (message.uploadLock === 'release') return release(message.id, isFrom);
        const entry = locks.get(message.id);
        if (entry === undefined) {
          locks.set(message.id, { holder: from, waiters: [] });
          tell(from, 'granted');
        } else {
          entry.waiters.push(from);
          tell(entry.holder, 'release-requested');
        }
      });
      worker.on('exit', () => {
        for (const id of [...locks.keys()]) release(id, (each) => each.worker === worker);
      });
    },
  };
}
