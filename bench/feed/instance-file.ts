// A loaded instance kept between bench:feed runs (--data-dir): the generator's description of it,
// saved beside the PostgreSQL cluster it describes, so a rerun can skip the minute of loading.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Instance, InstanceShape } from './generate.js';

const FILE = 'bench-feed-instance.json';

type SavedInstance = Omit<Instance, 'communityOfAccount'> & { communityOfAccount: number[] };

/** The instance loaded earlier into this data directory with the same shape, if any. */
export async function readSavedInstance(
  dataDir: string,
  shape: InstanceShape,
): Promise<Instance | undefined> {
  let saved: SavedInstance;
  try {
    saved = JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8')) as SavedInstance;
  } catch {
    return undefined;
  }
  if (JSON.stringify(saved.shape) !== JSON.stringify(shape)) {
    throw new Error(
      `${dataDir} holds an instance of another shape: ${JSON.stringify(saved.shape)}`,
    );
  }
  return { ...saved, communityOfAccount: Uint16Array.from(saved.communityOfAccount) };
}

export async function saveInstance(dataDir: string, instance: Instance): Promise<void> {
  const saved: SavedInstance = {
    ...instance,
    communityOfAccount: [...instance.communityOfAccount],
  };
  await writeFile(path.join(dataDir, FILE), JSON.stringify(saved));
}
