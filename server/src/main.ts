// The one entry: `shortwave [serve | worker]` starts roles (both by default); `shortwave admin
// create HANDLE` and `shortwave migrate` are one-shot commands. Settings come from config.ts.
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { handleSchema } from './accounts/index.js';
import { API_VERSION, buildApp } from './app.js';
import { ConfigError, describeSettings, loadConfig, type Config } from './config.js';
import { createContext, type AppContext, type Role } from './context.js';
import { isHttpProcess, startHttpProcesses } from './http-processes.js';
import { buildLoggerOptions } from './platform/log.js';
import { createUploadLockArbiter } from './uploads/index.js';
import { ensureWebClientBuilt } from './web-client/index.js';
import { startWorker } from './worker.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const USAGE = `Shortwave ${API_VERSION}: an open, self-hostable short-video platform.

Usage:
  shortwave                   serve HTTP and run background jobs (npm start); in one
                              process unless SHORTWAVE_HTTP_PROCESSES says more
  shortwave serve             HTTP only: API, web client, media delivery
  shortwave worker            background jobs only (transcoding and the rest)
  shortwave migrate           apply database migrations and exit
  shortwave admin create HANDLE
                              make HANDLE an administrator (creating the account, with a
                              printed one-time password, when it does not exist)
  shortwave --help | --version

Settings (environment variables, or a JSON file named by SHORTWAVE_CONFIG_FILE):
${describeSettings()}
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'all', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write(`${API_VERSION}\n`);
    return 0;
  }
  if (!['all', 'serve', 'worker', 'migrate', 'admin'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\nRun \`shortwave --help\` for every setting and its default.\n`,
      );
      return 1;
    }
    throw error;
  }
  const log = pino(buildLoggerOptions(config.logLevel));

  if (command === 'migrate') {
    const ctx = await createContext(config, log, 'cli');
    await ctx.close();
    return 0;
  }
  if (command === 'admin') return runAdminCommand(config, log, rest);
  return runRoles(config, log, command as 'all' | 'serve' | 'worker');
}

async function runAdminCommand(config: Config, log: Logger, args: string[]): Promise<number> {
  const [verb, handle] = args;
  const parsed = handleSchema.safeParse(handle);
  if (verb !== 'create' || !parsed.success) {
    process.stderr.write(
      'Usage: shortwave admin create HANDLE  (a handle is 2–24 letters, digits, "_" or ".")\n',
    );
    return 2;
  }
  const ctx = await createContext(config, log, 'cli');
  try {
    const { account, password } = await ctx.accounts.makeAdmin(parsed.data);
    process.stdout.write(
      password
        ? `Created administrator @${account.handle}. One-time password: ${password}\nLog in and change it in Settings.\n`
        : `@${account.handle} is now an administrator.\n`,
    );
    return 0;
  } finally {
    await ctx.close();
  }
}

async function runRoles(
  config: Config,
  log: Logger,
  role: 'all' | 'serve' | 'worker',
): Promise<number> {
  // Forked by a primary below (SHORTWAVE_HTTP_PROCESSES > 1): serve HTTP, nothing else.
  const isForked = isHttpProcess();
  const httpProcesses = role === 'worker' || isForked ? 0 : config.httpProcesses;
  if (httpProcesses > 0) await ensureWebClientBuilt(config.webDistDir, REPO_ROOT, log);
  const contextRole = roleOfThisProcess(role, isForked, httpProcesses);
  const ctx: AppContext = await createContext(config, log, contextRole);
  const app = contextRole === 'serve' || contextRole === 'all' ? await buildApp(ctx) : undefined;
  // The forks' tus locks are this process's to hold (uploads/upload-locks.ts).
  const uploadLocks = httpProcesses > 1 ? createUploadLockArbiter() : undefined;
  const forked = uploadLocks
    ? startHttpProcesses(httpProcesses, log, (worker) => uploadLocks.serve(worker))
    : undefined;

  /** Everything this process started, stopped in order: jobs, forks, HTTP, then the database. */
  const release = async () => {
    clearInterval(uploadsJanitor);
    stopWorker?.();
    await forked?.stop();
    await app?.close();
    await ctx.close();
  };
  let stoppingSince: number | undefined;
  const stop = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // `npm start` relays the terminal's Ctrl-C, so one keypress can arrive twice at once;
      // only a later, deliberate second signal skips the graceful path.
      if (Date.now() - stoppingSince < 2_000) return;
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 15_000);
    deadline.unref();
    try {
      await release();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const stopWorker =
    contextRole === 'worker' || contextRole === 'all' ? await startWorker(ctx) : undefined;
  // Unfinished tus uploads live on this server's disk: expire them here (once a machine).
  const uploadsJanitor =
    httpProcesses > 0
      ? setInterval(
          () =>
            void ctx.uploads
              .deleteExpiredUploads()
              .catch((error: unknown) => log.warn({ err: error }, 'upload cleanup failed')),
          10 * 60_000,
        )
      : undefined;
  let port: number | undefined;
  if (app) {
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : config.port;
  }
  if (forked) {
    try {
      port = await forked.port;
    } catch (error) {
      await release();
      throw error;
    }
  }
  if (port !== undefined && !isForked) {
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    log.info({ url, role, httpProcesses }, 'Shortwave is ready');
    process.stdout.write(`\nShortwave is running. Open ${url}\n\n`);
  }
  return -1; // keep running until a signal
}

/** A fork only serves; the primary of several forks keeps the jobs (if it has them), not HTTP. */
function roleOfThisProcess(role: Role, isForked: boolean, httpProcesses: number): Role {
  if (isForked) return 'serve';
  if (httpProcesses <= 1) return role;
  return role === 'all' ? 'worker' : 'cli';
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `Shortwave could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
