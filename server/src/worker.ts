// The worker role: runs every capability's jobs and schedules. Refuses to start when a job
// named in the context has no handler, so a forgotten registration fails loudly at boot.
import type { AppContext } from './context.js';
import { startProcessingSweeper } from './media/index.js';

/** Starts the worker; the returned function stops its timers (pg-boss stops with the context). */
export async function startWorker(ctx: AppContext): Promise<() => void> {
  const missing = ctx.jobs
    .filter((job) => typeof job.handler !== 'function')
    .map((job) => job.name);
  if (missing.length > 0) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
  for (const job of ctx.jobs) {
    await ctx.queue.work(job, ctx.config.workerConcurrency);
    if (job.cron) await ctx.queue.schedule(job.name, job.cron);
  }
  const unscheduled = await ctx.queue.unscheduleAllBut(
    ctx.jobs.filter((job) => job.cron !== undefined).map((job) => job.name),
  );
  if (unscheduled.length > 0) ctx.log.info({ jobs: unscheduled }, 'stale schedules dropped');
  const stopSweeper = startProcessingSweeper(
    ctx.videos,
    ctx.queue,
    ctx.scratchDir,
    ctx.log.child({ capability: 'media' }),
  );
  ctx.log.info({ jobs: ctx.jobs.map((job) => job.name) }, 'worker started');
  return stopSweeper;
}
