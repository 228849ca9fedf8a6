// The only reader of process.env. Every setting is declared once here with its default and a
// sentence of documentation; `shortwave --help` prints this table, and a bad value stops the boot
// with every problem listed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

type Setting = {
  key: string;
  schema: z.ZodType;
  default?: string;
  doc: string;
  example?: string;
};

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const settings = {
  host: {
    key: 'HOST',
    schema: z.string().min(1),
    default: '0.0.0.0',
    doc: 'Address the HTTP server binds to.',
  },
  port: {
    key: 'PORT',
    schema: port,
    default: '8080',
    doc: 'Port the HTTP server listens on (0 picks a free one).',
  },
  publicUrl: {
    key: 'SHORTWAVE_PUBLIC_URL',
    schema: z.url({ protocol: /^https?$/ }).optional(),
    doc: 'The URL people open, used in links and cookies. Defaults to http://localhost:PORT.',
    example: 'https://video.example.org',
  },
  dataDir: {
    key: 'SHORTWAVE_DATA_DIR',
    schema: z.string().min(1),
    default: './data',
    doc: 'Directory for the embedded database, uploads and the filesystem blob store.',
  },
  databaseUrl: {
    key: 'DATABASE_URL',
    schema: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    doc: 'An external PostgreSQL (>= 15). Unset: Shortwave runs its own embedded PostgreSQL in the data directory.',
    example: 'postgres://shortwave:secret@db.internal:5432/shortwave',
  },
  databasePoolSize: {
    key: 'SHORTWAVE_DATABASE_POOL_SIZE',
    schema: positiveInt,
    default: '10',
    doc: 'Connections each process keeps to PostgreSQL.',
  },
  region: {
    key: 'SHORTWAVE_REGION',
    schema: z.string().regex(/^[a-z0-9-]{2,32}$/, 'use lowercase letters, digits and dashes'),
    default: 'local',
    doc: "This instance's region: new accounts get it as their home region.",
  },
  logLevel: {
    key: 'LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    doc: 'pino log level.',
  },
  webDistDir: {
    key: 'SHORTWAVE_WEB_DIST',
    schema: z.string().min(1),
    default: './web/dist',
    doc: 'The built web client. `npm start` builds it when it is missing.',
  },
  trustProxy: {
    key: 'SHORTWAVE_TRUST_PROXY',
    schema: bool,
    default: 'false',
    doc: 'Trust X-Forwarded-* headers (set when behind a reverse proxy or load balancer).',
  },
  sessionDays: {
    key: 'SHORTWAVE_SESSION_DAYS',
    schema: positiveInt,
    default: '30',
    doc: 'How long a login lasts without use.',
  },
  authRateLimitPerMinute: {
    key: 'SHORTWAVE_AUTH_RATE_LIMIT',
    schema: positiveInt,
    default: '10',
    doc: 'Sign-up and log-in attempts allowed per client address per minute.',
  },
  httpProcesses: {
    key: 'SHORTWAVE_HTTP_PROCESSES',
    schema: z.coerce.number().int().min(1).max(64),
    default: '1',
    doc: 'HTTP processes sharing the port (one per core puts every core to work on requests; Node runs JavaScript on one thread a process).',
  },
  workerConcurrency: {
    key: 'SHORTWAVE_WORKER_CONCURRENCY',
    schema: positiveInt,
    default: '2',
    doc: 'Background jobs a worker process runs at once.',
  },
  maxUploadBytes: {
    key: 'SHORTWAVE_MAX_UPLOAD_BYTES',
    schema: positiveInt,
    default: String(2 * 1024 ** 3),
    doc: 'Largest video file accepted (bytes; default 2 GiB).',
  },
  maxVideoSeconds: {
    key: 'SHORTWAVE_MAX_VIDEO_SECONDS',
    schema: positiveInt,
    default: '600',
    doc: 'Longest video accepted (seconds).',
  },
  maxVideoLongSidePx: {
    key: 'SHORTWAVE_MAX_VIDEO_LONG_SIDE_PX',
    schema: positiveInt,
    default: '4096',
    doc: 'Largest frame accepted, on its long side (pixels).',
  },
  abandonedUploadHours: {
    key: 'SHORTWAVE_ABANDONED_UPLOAD_HOURS',
    schema: positiveInt,
    default: '24',
    doc: 'Unfinished uploads (and their drafts) are deleted after this long.',
  },
  ffmpegPath: {
    key: 'FFMPEG_PATH',
    schema: z.string().min(1).optional(),
    doc: 'ffmpeg to use. Unset: ffmpeg on PATH, else the static build from @ffmpeg-installer/ffmpeg.',
  },
  ffprobePath: {
    key: 'FFPROBE_PATH',
    schema: z.string().min(1).optional(),
    doc: 'ffprobe to use. Unset: ffprobe on PATH, else the static build from @ffprobe-installer/ffprobe.',
  },
  s3Bucket: {
    key: 'SHORTWAVE_S3_BUCKET',
    schema: z.string().min(3).optional(),
    doc: 'Store videos and images in this S3-compatible bucket instead of the data directory.',
  },
  s3Endpoint: {
    key: 'SHORTWAVE_S3_ENDPOINT',
    schema: z.url().optional(),
    doc: 'The S3 endpoint for non-AWS stores (MinIO, Ceph, R2, ...).',
    example: 'http://minio.internal:9000',
  },
  s3Region: {
    key: 'SHORTWAVE_S3_REGION',
    schema: z.string().min(1),
    default: 'us-east-1',
    doc: "The bucket's region.",
  },
  s3AccessKeyId: {
    key: 'SHORTWAVE_S3_ACCESS_KEY_ID',
    schema: z.string().min(1).optional(),
    doc: "S3 credentials; unset: the AWS SDK's default chain (environment, instance role).",
  },
  s3SecretAccessKey: {
    key: 'SHORTWAVE_S3_SECRET_ACCESS_KEY',
    schema: z.string().min(1).optional(),
    doc: 'S3 secret key.',
  },
  s3ForcePathStyle: {
    key: 'SHORTWAVE_S3_FORCE_PATH_STYLE',
    schema: bool,
    default: 'false',
    doc: 'Address the bucket as endpoint/bucket (most self-hosted stores need it).',
  },
  s3Prefix: {
    key: 'SHORTWAVE_S3_PREFIX',
    schema: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'empty, or path segments ending in "/"'),
    default: '',
    doc: 'Prefix for every key, so one bucket can hold several instances.',
  },
  shutdownGraceMs: {
    key: 'SHORTWAVE_SHUTDOWN_GRACE_MS',
    schema: positiveInt,
    default: '10000',
    doc: 'How long shutdown waits for in-flight requests and jobs before closing anyway.',
  },
} satisfies Record<string, Setting>;

type Settings = typeof settings;
type ParsedSettings = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export type Config = Omit<ParsedSettings, 'publicUrl' | 'dataDir' | 'webDistDir'> & {
  publicUrl: string;
  dataDir: string;
  webDistDir: string;
  /** Cookies get the Secure flag when people reach us over https. */
  isSecureOrigin: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

/** Reads settings from `source` (the environment by default), then an optional JSON config file. */
export function loadConfig(source: Source = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const fileValues = readConfigFile(source, cwd, problems);
  const parsed: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings) as [string, Setting][]) {
    const raw = source[setting.key] ?? fileValues[setting.key] ?? setting.default;
    const value = raw === '' ? setting.default : raw;
    const result = setting.schema.safeParse(value);
    if (result.success) {
      parsed[name] = result.data;
    } else {
      const reason = result.error.issues.map((i) => i.message).join('; ');
      const hint = setting.example ? ` (for example ${setting.key}=${setting.example})` : '';
      problems.push(`${setting.key}=${JSON.stringify(value)} is not valid: ${reason}${hint}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const values = parsed as ParsedSettings;
  const publicUrl = (values.publicUrl ?? `http://localhost:${values.port}`).replace(/\/+$/, '');
  return {
    ...values,
    publicUrl,
    dataDir: path.resolve(cwd, values.dataDir),
    webDistDir: path.resolve(cwd, values.webDistDir),
    isSecureOrigin: publicUrl.startsWith('https:'),
  };
}

function readConfigFile(source: Source, cwd: string, problems: string[]): Source {
  const file = source.SHORTWAVE_CONFIG_FILE;
  if (!file) return {};
  try {
    const json: unknown = JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
    const known = new Set(Object.values(settings).map((s: Setting) => s.key));
    const shape = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
    const values = shape.parse(json);
    const out: Source = {};
    for (const [key, value] of Object.entries(values)) {
      if (known.has(key)) out[key] = String(value);
      else problems.push(`${file}: unknown setting ${key} (see shortwave --help)`);
    }
    return out;
  } catch (error) {
    problems.push(
      `SHORTWAVE_CONFIG_FILE=${file} could not be read as a JSON object of settings: ${String(error)}`,
    );
    return {};
  }
}

/** The settings table for `shortwave --help`. */
export function describeSettings(): string {
  const rows: [string, string, string][] = (Object.values(settings) as Setting[]).map((s) => [
    s.key,
    s.default === undefined ? '(unset)' : s.default === '' ? '""' : s.default,
    s.doc,
  ]);
  rows.push([
    'SHORTWAVE_CONFIG_FILE',
    '(unset)',
    'A JSON file of the settings above; the environment wins.',
  ]);
  const keyWidth = Math.max(...rows.map(([key]) => key.length)) + 2;
  const defaultWidth = Math.max(...rows.map(([, value]) => value.length)) + 2;
  return [['SETTING', 'DEFAULT', 'MEANING'] as const, ...rows]
    .map(([key, value, doc]) => `  ${key.padEnd(keyWidth)}${value.padEnd(defaultWidth)}${doc}`)
    .join('\n');
}
