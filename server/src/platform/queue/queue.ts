// Durable background jobs on pg-boss: the queue lives in the same PostgreSQL, jobs survive
// crashes, and any number of worker processes share the work (SKIP LOCKED).
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/index.js';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';

export type JobPolicy = {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Seconds a single attempt may run before pg-boss considers it dead and retries it. */
  expireInSeconds?: number;
};

export type JobInfo = {
  id: string;
  name: string;
  log: Logger;
  /** No retry follows if this attempt throws: the handler should record the failure itself. */
  isLastAttempt: boolean;
};

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

export type JobDefinition<T = never> = {
  name: string;
  policy?: JobPolicy;
  /** Run on this schedule (cron, UTC) by the supervising worker. */
  cron?: string;
  /** Events (`noun.past-tense`) whose every publication also lands in this job's queue. */
  subscribesTo?: string[];
  handler: JobHandler<T>;
};

export type SendOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  trx?: Transaction<DB> | Kysely<DB>;
  singletonKey?: string;
  startAfterSeconds?: number;
};

export type Queue = {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Fans an event out to every job that subscribes to it (e.g. `video.ready`). */
  publish(event: string, data: object, options?: Pick<SendOptions, 'trx'>): Promise<void>;
  /** Declares queues; every role calls it so that sends never hit a missing queue. */
  declare(definitions: JobDefinition<never>[]): Promise<void>;
  work(definition: JobDefinition<never>, concurrency: number): Promise<void>;
  schedule(name: string, cron: string): Promise<void>;
  /** Drops the schedules of jobs no longer scheduled (a job removed in an upgrade). */
  unscheduleAllBut(names: readonly string[]): Promise<string[]>;
  /**
   * Runs queued jobs of these kinds in this process until none is left (retries waiting on
   * their backoff are left alone). Tests use it to run the real queue deterministically.
   */
  drain(definitions: JobDefinition<never>[]): Promise<number>;
  stop(graceMs: number): Promise<void>;
};

export async function startQueue(options: {
  connectionString: string;
  log: Logger;
  /** The worker role supervises (maintenance, schedules); the serve role only sends. */
  isSupervisor: boolean;
}): Promise<Queue> {
  const { log } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 4,
    supervise: options.isSupervisor,
    schedule: options.isSupervisor,
    migrate: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  const definitions = new Map<string, JobDefinition<never>>();

  return {
    async send(name, data, sendOptions = {}) {
      const { trx, singletonKey, startAfterSeconds } = sendOptions;
      // pg-boss silently drops a job for an undeclared queue: refuse loudly instead.
      if (!definitions.has(name)) throw new Error(`job queue "${name}" is not declared`);
      const policy = definitions.get(name)?.policy;
      return boss.send(name, data, {
        ...(policy ? toPgBossPolicy(policy) : {}),
        ...(singletonKey ? { singletonKey } : {}),
        ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
        ...(trx ? { db: kyselyAdapter(trx) } : {}),
      });
    },

    async publish(event, data, publishOptions = {}) {
      await boss.publish(
        event,
        data,
        publishOptions.trx ? { db: kyselyAdapter(publishOptions.trx) } : {},
      );
    },

    async declare(list) {
      for (const definition of list) {
        definitions.set(definition.name, definition);
        await boss.createQueue(definition.name, {
          name: definition.name,
          ...toPgBossPolicy(definition.policy ?? {}),
        });
        for (const event of definition.subscribesTo ?? [])
          await boss.subscribe(event, definition.name);
      }
    },

    async work(definition, concurrency) {
      const run = runnerFor(definition, log);
      for (let i = 0; i < concurrency; i++) {
        await boss.work<never>(
          definition.name,
          { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
          async ([job]) => {
            if (job) await run(job);
          },
        );
      }
    },

    async drain(list) {
      let ran = 0;
      for (let isIdle = false; !isIdle;) {
        isIdle = true;
        for (const definition of list) {
          const run = runnerFor(definition, log);
          for (;;) {
            const [job] = await boss.fetch<never>(definition.name, { includeMetadata: true });
            if (!job) break;
            isIdle = false;
            ran++;
            try {
              await run(job);
              await boss.complete(definition.name, job.id);
            } catch (error) {
              await boss.fail(definition.name, job.id, { message: String(error) });
            }
          }
        }
      }
      return ran;
    },

    async schedule(name, cron) {
      await boss.schedule(name, cron, {});
    },

    async unscheduleAllBut(names) {
      const stale = (await boss.getSchedules())
        .map((schedule) => schedule.name)
        .filter((name) => !names.includes(name));
      for (const name of stale) await boss.unschedule(name);
      return stale;
    },

    async stop(graceMs) {
      await boss.stop({ graceful: true, timeout: graceMs, wait: true });
    },
  };
}

/** Runs one job through its handler with logging and the retry rule. */
function runnerFor(definition: JobDefinition<never>, log: Logger) {
  const jobLog = log.child({ job: definition.name });
  return async (job: PgBoss.JobWithMetadata<never>) => {
    const startedAt = Date.now();
    const isLastAttempt = job.retryCount >= job.retryLimit;
    try {
      await definition.handler(job.data, {
        id: job.id,
        name: job.name,
        log: jobLog,
        isLastAttempt,
      });
      jobLog.debug({ jobId: job.id, elapsedMs: Date.now() - startedAt }, 'job done');
    } catch (error) {
      // A non-retryable AppError is a final answer (the handler recorded it); anything else
      // goes back to pg-boss, which retries with backoff.
      if (error instanceof AppError && !error.isRetryable) {
        jobLog.warn(
          { jobId: job.id, type: error.type, detail: error.detail },
          'job failed for good',
        );
        return;
      }
      jobLog.error({ jobId: job.id, err: error }, 'job attempt failed; will retry');
      throw error;
    }
  };
}

function toPgBossPolicy(policy: JobPolicy): PgBoss.RetryOptions & PgBoss.ExpirationOptions {
  return {
    retryLimit: policy.retryLimit ?? 5,
    retryDelay: policy.retryDelaySeconds ?? 5,
    retryBackoff: true,
    expireInSeconds: policy.expireInSeconds ?? 15 * 60,
  };
}

/** Lets pg-boss write its job row through our transaction. */
function kyselyAdapter(db: Transaction<DB> | Kysely<DB>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}
