import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeSettings, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts on embedded defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/shortwave');
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/shortwave/data');
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.isSecureOrigin).toBe(false);
  });

  it('lists every invalid setting at once, with how to fix it', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT="eighty"/);
      expect(problems.join('\n')).toMatch(
        /DATABASE_URL="mysql:\/\/x".*for example DATABASE_URL=postgres:/,
      );
      expect(problems.join('\n')).toMatch(/LOG_LEVEL="loud"/);
    }
  });

  it('reads a JSON config file, and the environment wins over it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sw-config-'));
    await writeFile(
      path.join(dir, 'shortwave.json'),
      JSON.stringify({ PORT: 9000, SHORTWAVE_REGION: 'eu-west' }),
    );
    const config = loadConfig(
      { SHORTWAVE_CONFIG_FILE: 'shortwave.json', SHORTWAVE_REGION: 'us-east' },
      dir,
    );
    expect(config.port).toBe(9000);
    expect(config.region).toBe('us-east');
  });

  it('refuses unknown keys in the config file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sw-config-'));
    await writeFile(path.join(dir, 'c.json'), JSON.stringify({ PROT: 9000 }));
    expect(() => loadConfig({ SHORTWAVE_CONFIG_FILE: 'c.json' }, dir)).toThrow(
      /unknown setting PROT/,
    );
  });

  it('marks cookies secure when the public URL is https', () => {
    const config = loadConfig({ SHORTWAVE_PUBLIC_URL: 'https://video.example.org/' });
    expect(config.isSecureOrigin).toBe(true);
    expect(config.publicUrl).toBe('https://video.example.org');
  });

  it('documents every setting with its default for --help', () => {
    const help = describeSettings();
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'SHORTWAVE_DATA_DIR',
      'SHORTWAVE_REGION',
      'SHORTWAVE_CONFIG_FILE',
    ]) {
      expect(help).toContain(key);
    }
  });
});
