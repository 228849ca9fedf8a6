// CPU seconds of the server (its primary and the HTTP processes it forked), of the embedded
// PostgreSQL (the postmaster and its backends) and of this bench's own clients, from /proc: the
// cost of a phase's work, whatever else runs on the machine. A process's children that have
// exited are in its cutime + cstime, as backends and autovacuum workers come and go.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

type CpuSeconds = { client: number; server: number; postgres: number | undefined };
type ProcessCpu = { parent: number; seconds: number; reapedSeconds: number };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function readProcesses(): Promise<Map<number, ProcessCpu>> {
  const processes = new Map<number, ProcessCpu>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(entry), {
      parent: Number(fields[1]),
      seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      reapedSeconds: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
    });
  }
  return processes;
}

/** `root` with its children, live and exited. */
function treeSeconds(processes: Map<number, ProcessCpu>, root: number): number {
  let total = (processes.get(root)?.seconds ?? 0) + (processes.get(root)?.reapedSeconds ?? 0);
  for (const each of processes.values()) if (each.parent === root) total += each.seconds;
  return total;
}

export type Measured<T> = {
  result: T;
  /** Server + PostgreSQL; undefined when PostgreSQL's share cannot be read (DATABASE_URL). */
  cpuSeconds: number | undefined;
  serverCpuSeconds: number;
  clientCpuSeconds: number;
};

export function cpuMeter(dataDir: string, isEmbedded: boolean, serverPid: number) {
  const pidFile = isEmbedded ? path.join(dataDir, 'postgres', 'postmaster.pid') : undefined;
  const read = async (): Promise<CpuSeconds> => {
    const usage = process.cpuUsage();
    const processes = await readProcesses();
    const postmaster =
      pidFile === undefined
        ? undefined
        : await readFile(pidFile, 'utf8').then(
            (text) => Number(text.split('\n')[0]),
            () => undefined,
          );
    return {
      client: (usage.user + usage.system) / 1e6,
      server: treeSeconds(processes, serverPid),
      postgres: postmaster === undefined ? undefined : treeSeconds(processes, postmaster),
    };
  };
  return async function measureCpu<T>(work: () => Promise<T>): Promise<Measured<T>> {
    const before = await read();
    const result = await work();
    const after = await read();
    const serverCpuSeconds = after.server - before.server;
    return {
      result,
      cpuSeconds:
        before.postgres === undefined || after.postgres === undefined
          ? undefined
          : serverCpuSeconds + (after.postgres - before.postgres),
      serverCpuSeconds,
      clientCpuSeconds: after.client - before.client,
    };
  };
}
