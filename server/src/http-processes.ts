// Several HTTP processes on one port (node:cluster, SHORTWAVE_HTTP_PROCESSES): Node runs a
// process's JavaScript on one thread, so one process per core puts every core to work on
// requests. The primary forks them, owns the embedded database and runs the background jobs;
// they are `shortwave serve` processes in all but the port they share. One that dies is replaced.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

export type HttpProcesses = {
  /** The port they share, once every one of them listens; rejects if one exits before it does. */
  port: Promise<number>;
  /** Stops each one through its own graceful shutdown (SIGTERM) and resolves once all have exited. */
  stop(): Promise<void>;
};

export const isHttpProcess = () => cluster.isWorker;

export function startHttpProcesses(
  count: number,
  log: Logger,
  /** Called with each process forked, before it boots (to answer its messages). */
  onFork: (worker: Worker) => void = () => {},
): HttpProcesses {
  const running = new Set<Worker>();
  let isStopping = false;
  let listening = 0;
  let onListening!: (port: number) => void;
  let onBootFailure!: (error: Error) => void;
  const port = new Promise<number>((resolve, reject) => {
    onListening = resolve;
    onBootFailure = reject;
  });

  const fork = () => {
    const worker = cluster.fork();
    running.add(worker);
    onFork(worker);
    let hasListened = false;
    worker.on('listening', (address) => {
      hasListened = true;
      listening += 1;
      if (listening === count) onListening(address.port);
    });
    worker.on('exit', (code, signal) => {
      running.delete(worker);
      if (isStopping) return;
      // One that cannot boot would fail again: stop instead of forking in a loop.
      if (!hasListened) {
        onBootFailure(new Error(`an HTTP process exited (${signal ?? code}) before it listened`));
        return;
      }
      log.error(
        { pid: worker.process.pid, code, signal },
        'an HTTP process died; starting another',
      );
      fork();
    });
  };
  for (let index = 0; index < count; index += 1) fork();

  return {
    port,
    async stop() {
      isStopping = true;
      await Promise.all(
        [...running].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
