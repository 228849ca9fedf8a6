// The server bench:feed measures: a real `shortwave serve` in its own process (with
// SHORTWAVE_HTTP_PROCESSES forks), reached over HTTP, as production clients reach it. Its
// database is the one the bench loaded: the embedded cluster the bench's process runs, or
// DATABASE_URL.
import path from 'node:path';
import { Pool } from 'undici';
import { startShortwave, writePlaceholderWebClient } from '../../server/test/process.js';

export type ServerProcess = {
  /** The primary's pid: its CPU and its forks' is the server's. */
  pid: number;
  /** Keep-alive connections to it, as many as the bench's clients have requests in flight. */
  http: Pool;
  stop(): Promise<void>;
};

export async function startServerProcess(options: {
  dataDir: string;
  databaseUrl: string | undefined;
  httpProcesses: number;
  poolSize: number;
  log: (line: string) => void;
}): Promise<ServerProcess> {
  const running = await startShortwave(['serve'], {
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    SHORTWAVE_DATA_DIR: options.dataDir,
    // The API only: an empty web client, so the server does not build the real one.
    SHORTWAVE_WEB_DIST: await writePlaceholderWebClient(path.join(options.dataDir, 'no-web')),
    SHORTWAVE_HTTP_PROCESSES: String(options.httpProcesses),
    SHORTWAVE_DATABASE_POOL_SIZE: String(options.poolSize),
    // The event load's batches come from many viewers' addresses, in X-Forwarded-For.
    SHORTWAVE_TRUST_PROXY: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
  // Its warnings join the bench's progress on stderr, from boot on; stdout stays the bench's own.
  const forward = (text: string) => {
    for (const line of text.split('\n')) {
      if (line.trim() && !line.includes('Shortwave is running')) options.log(line);
    }
  };
  forward(running.output());
  running.child.stdout.on('data', (chunk: Buffer) => forward(chunk.toString()));
  running.child.stderr.on('data', (chunk: Buffer) => forward(chunk.toString()));
  const http = new Pool(running.url, { connections: 64, pipelining: 1 });
  return {
    pid: running.child.pid!,
    http,
    async stop() {
      await http.close();
      const code = await running.stop('SIGTERM');
      if (code !== 0) throw new Error(`the server stopped with ${code}:\n${running.output()}`);
    },
  };
}
