// The queue's schedules: a job removed in an upgrade (its schedule still stored by pg-boss) must
// stop being scheduled, or its queue would fill with jobs nothing runs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

it('drops the schedules of jobs no longer scheduled, and keeps the others', async () => {
  const noop = () => Promise.resolve();
  await t.ctx.queue.declare([
    { name: 'test.removed-in-upgrade', handler: noop },
    { name: 'test.still-scheduled', handler: noop },
  ]);
  await t.ctx.queue.schedule('test.removed-in-upgrade', '*/30 * * * *');
  await t.ctx.queue.schedule('test.still-scheduled', '*/30 * * * *');

  const dropped = await t.ctx.queue.unscheduleAllBut(['test.still-scheduled']);

  expect(dropped).toContain('test.removed-in-upgrade');
  expect(dropped).not.toContain('test.still-scheduled');
  expect(await t.ctx.queue.unscheduleAllBut(['test.still-scheduled'])).toEqual([]);
});
