// Where synthesised corpus files live and how they are made once: each file is named after a
// hash of its recipe (ffmpeg arguments or a derivation), written under a temporary name and
// renamed, so parallel test files share one copy and a changed recipe makes a new file.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateFfmpeg, runTool } from '../src/index.js';

/** Bump to regenerate every file after a change in how clips are made. */
const CORPUS_VERSION = 1;

let ffmpegPath: string | undefined;
const inFlight = new Map<string, Promise<string>>();

export function corpusDir(): string {
  return path.join(os.tmpdir(), `shortwave-corpus-v${CORPUS_VERSION}`);
}

export function corpusFfmpegPath(): string {
  ffmpegPath ??= locateFfmpeg().ffmpegPath;
  return ffmpegPath;
}

/** A file made by one ffmpeg command; `args` ends just before the output path. */
export function makeWithFfmpeg(name: string, extension: string, args: string[]): Promise<string> {
  return materialise(name, extension, JSON.stringify(args), async (output) => {
    await runTool(
      corpusFfmpegPath(),
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args, output],
      {
        timeoutMs: 120_000,
      },
    );
  });
}

/** A file derived from another one's bytes (cut, patched, renamed). */
export async function deriveFile(
  name: string,
  extension: string,
  source: Promise<string> | string,
  transform: (bytes: Buffer) => Buffer,
): Promise<string> {
  const sourcePath = await source;
  return materialise(name, extension, `${sourcePath}:${transform.toString()}`, async (output) => {
    await writeFile(output, transform(await readFile(sourcePath)));
  });
}

/** A file written directly. */
export function writeCorpusFile(name: string, extension: string, bytes: Buffer): Promise<string> {
  return materialise(name, extension, bytes.toString('base64'), (output) =>
    writeFile(output, bytes),
  );
}

function materialise(
  name: string,
  extension: string,
  recipe: string,
  make: (output: string) => Promise<void>,
): Promise<string> {
  const hash = createHash('sha256').update(`${name}\n${recipe}`).digest('hex').slice(0, 12);
  const finalPath = path.join(corpusDir(), `${name}-${hash}.${extension}`);
  const existing = inFlight.get(finalPath);
  if (existing) return existing;
  const made = (async () => {
    if (await exists(finalPath)) return finalPath;
    await mkdir(corpusDir(), { recursive: true });
    // Keep the extension last: ffmpeg picks the muxer from it.
    const temporary = path.join(corpusDir(), `${name}-${hash}.${randomUUID()}.tmp.${extension}`);
    try {
      await make(temporary);
      await rename(temporary, finalPath);
    } finally {
      await rm(temporary, { force: true });
    }
    return finalPath;
  })();
  inFlight.set(finalPath, made);
  made.catch(() => inFlight.delete(finalPath));
  return made;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
