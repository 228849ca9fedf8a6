// CPU seconds of this process and of the embedded PostgreSQL (from /proc: the postmaster, its
// live children, and the children it has reaped, as backends and autovacuum workers come and go):
// the cost of a phase's work, whatever else runs on the machine.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

type CpuSeconds = { node: number; postgres: number | undefined };

/** `postmasterPidFile` is undefined for an external PostgreSQL, whose processes are not ours to read. */
async function readCpuSeconds(postmasterPidFile: string | undefined): Promise<CpuSeconds> {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1e6;
  if (postmasterPidFile === undefined) return { node, postgres: undefined };
  try {
    const postmaster = Number((await readFile(postmasterPidFile, 'utf8')).split('\n')[0]);
    const ticks = 100; // USER_HZ on Linux
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      // utime + stime; the postmaster also its reaped children's cutime + cstime.
      if (pid === postmaster) {
        total +=
          (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) /
          ticks;
      } else if (parent === postmaster) {
        total += (Number(fields[11]) + Number(fields[12])) / ticks;
      }
    }
    return { node, postgres: total };
  } catch {
    return { node, postgres: undefined };
  }
}

export type Measured<T> = {
  result: T;
  /** Server process + PostgreSQL; undefined when PostgreSQL's share cannot be read. */
  cpuSeconds: number | undefined;
  nodeCpuSeconds: number;
};

export function cpuMeter(dataDir: string, isEmbedded: boolean) {
  const pidFile = isEmbedded ? path.join(dataDir, 'postgres', 'postmaster.pid') : undefined;
  return async function measureCpu<T>(work: () => Promise<T>): Promise<Measured<T>> {
    const before = await readCpuSeconds(pidFile);
    const result = await work();
    const after = await readCpuSeconds(pidFile);
    const cpuSeconds =
      before.postgres === undefined || after.postgres === undefined
        ? undefined
        : after.node - before.node + (after.postgres - before.postgres);
    return { result, cpuSeconds, nodeCpuSeconds: after.node - before.node };
  };
}
