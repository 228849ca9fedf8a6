// The server bench:feed measures: a real `shortwave serve` in its own process (with
// SHORTWAVE_HTTP_PROCESSES forks), reached over HTTP, as production clients reach it. Its
// database is the one the bench loaded: the embedded cluster the bench's process runs, or
// DATABASE_URL.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'undici';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'shortwave.js');

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
  // The API only: an empty web client, so the server does not build the real one.
  const webDist = path.join(options.dataDir, 'no-web');
  await mkdir(webDist, { recursive: true });
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      SHORTWAVE_DATA_DIR: options.dataDir,
      SHORTWAVE_WEB_DIST: webDist,
      SHORTWAVE_HTTP_PROCESSES: String(options.httpProcesses),
      SHORTWAVE_DATABASE_POOL_SIZE: String(options.poolSize),
      // The event load's batches come from many viewers' addresses, in X-Forwarded-For.
      SHORTWAVE_TRUST_PROXY: 'true',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Its warnings join the bench's progress on stderr; stdout stays the bench's own.
  child.stderr.on('data', (chunk: Buffer) => options.log(chunk.toString().trimEnd()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const match = /Shortwave is running\. Open (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
      else if (text.trim()) options.log(text.trimEnd());
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  const http = new Pool(url, { connections: 64, pipelining: 1 });
  return {
    pid: child.pid!,
    http,
    async stop() {
      await http.close();
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the server stopped with ${code}:\n${output}`);
    },
  };
}
