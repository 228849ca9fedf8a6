// Starts real `shortwave` processes (bin/shortwave.js) for tests of the CLI, lifecycle and the
// browser: waits for the "Open <url>" line instead of sleeping.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'shortwave.js');

export type RunningShortwave = {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves once the process has printed something matching `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export function runShortwave(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
}

export async function startShortwave(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<RunningShortwave> {
  const { child, exited, output } = runShortwave(args, env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`shortwave did not start in ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const check = () => {
      const match = /Shortwave is running\. Open (\S+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`shortwave exited with ${code} before starting:\n${output()}`));
    });
  });
  return {
    url,
    child,
    output,
    waitForOutput: (pattern, waitMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(output())) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} in output:\n${output()}`)),
          waitMs,
        );
        const check = () => {
          if (!pattern.test(output())) return;
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve();
        };
        child.stdout.on('data', check);
      }),
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a one-shot command to completion. */
export async function runShortwaveCommand(args: string[], env: Record<string, string>) {
  const { exited, output } = runShortwave(args, env);
  const code = await exited;
  return { code, output: output() };
}

/** A stand-in web client build in `dir`, so a started server serves it instead of building one. */
export async function writePlaceholderWebClient(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Shortwave</title>');
  return dir;
}
