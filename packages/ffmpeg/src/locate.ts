// Which ffmpeg and ffprobe to run: explicit paths (the server's config), else the ones on PATH,
// else the static builds inside @ffmpeg-installer/ffmpeg (4.1, 2018) and
// @ffprobe-installer/ffprobe (2023), so `npm install` alone brings a working encoder.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FfmpegTools = { ffmpegPath: string; ffprobePath: string };
export type ToolSource = 'override' | 'path' | 'installer';
export type LocatedTools = FfmpegTools & { sources: { ffmpeg: ToolSource; ffprobe: ToolSource } };

export type ToolOverrides = {
  ffmpegPath?: string | undefined;
  ffprobePath?: string | undefined;
};

const INSTALLERS = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
} as const;

/** Synchronous: called once while the server boots. Throws with a sentence an admin can act on. */
export function locateFfmpeg(overrides: ToolOverrides = {}): LocatedTools {
  const ffmpeg = locateTool('ffmpeg', overrides.ffmpegPath);
  const ffprobe = locateTool('ffprobe', overrides.ffprobePath);
  return {
    ffmpegPath: ffmpeg.path,
    ffprobePath: ffprobe.path,
    sources: { ffmpeg: ffmpeg.source, ffprobe: ffprobe.source },
  };
}

function locateTool(name: keyof typeof INSTALLERS, override: string | undefined) {
  if (override !== undefined) {
    ensureExecutable(override, name);
    return { path: override, source: 'override' as const };
  }
  // Asking the OS to run it resolves PATH without this package reading the environment.
  if (answersVersion(name)) return { path: name, source: 'path' as const };
  const installed = resolveInstalledBinary(INSTALLERS[name]);
  ensureExecutable(installed, name);
  return { path: installed, source: 'installer' as const };
}

function answersVersion(command: string): boolean {
  const result = spawnSync(command, ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return result.error === undefined && result.status === 0;
}

function resolveInstalledBinary(packageName: string): string {
  const require = createRequire(import.meta.url);
  try {
    const { path: binary } = require(packageName) as { path: string };
    return binary;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`no ffmpeg on PATH and ${packageName} is unusable here: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * npm 11 does not run the installers' postinstall `chmod`, so the binary may lack the exec bit
 * for whoever runs the server: add it when we own the file, else say exactly what to do.
 */
export function ensureExecutable(file: string, name: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new Error(`${name} not found at ${file}`);
  }
  if (isExecutable(file)) return;
  try {
    chmodSync(file, mode | 0o111);
  } catch {
    // fall through to the check below
  }
  if (!isExecutable(file)) {
    throw new Error(
      `${name} at ${file} is not executable by this user; run \`chmod a+x ${file}\` as its owner, ` +
        `or configure an explicit ${name} path`,
    );
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
