export { startQueue } from './queue.js';
export type { Queue, JobDefinition, JobHandler, JobInfo, JobPolicy, SendOptions } from './queue.js';
