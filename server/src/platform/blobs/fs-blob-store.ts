// Blob store on the local filesystem (the default): one file per key under a root directory,
// written to a temporary name and renamed, so a reader never sees half a file.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  contentTypeForKey,
  type BlobInfo,
  type BlobRead,
  type BlobStore,
  type ByteRange,
} from './blob-store.js';

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, key);
  }

  private async writeAtomically(key: string, write: (tmp: string) => Promise<void>) {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await write(tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    await this.writeAtomically(key, (tmp) =>
      pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmp)),
    );
  }

  async putFile(key: string, filePath: string): Promise<void> {
    await this.writeAtomically(key, (tmp) => linkOrCopy(filePath, tmp));
  }

  async download(key: string, filePath: string): Promise<boolean> {
    if (!(await this.head(key))) return false;
    await mkdir(path.dirname(filePath), { recursive: true });
    await rm(filePath, { force: true });
    await linkOrCopy(this.pathOf(key), filePath);
    return true;
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    try {
      const info = await stat(this.pathOf(key));
      if (!info.isFile()) return undefined;
      return {
        sizeBytes: info.size,
        contentType: contentTypeForKey(key),
        etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
        lastModifiedAt: info.mtime,
      };
    } catch {
      return undefined;
    }
  }

  async get(key: string, range?: ByteRange): Promise<BlobRead | undefined> {
    const info = await this.head(key);
    if (!info) return undefined;
    const body = createReadStream(
      this.pathOf(key),
      range ? { start: range.start, end: range.end } : {},
    );
    return { ...info, body, ...(range ? { range } : {}) };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await this.removeEmptyParents(path.dirname(file));
  }

  /** Directories exist only to hold blobs: an emptied one goes, up to the store's root. */
  private async removeEmptyParents(dir: string): Promise<void> {
    for (
      let current = dir;
      current.startsWith(`${this.root}${path.sep}`);
      current = path.dirname(current)
    ) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone)
      }
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.list(prefix);
    await Promise.all(keys.map((key) => this.delete(key)));
    // A prefix ending at a directory boundary leaves an empty directory behind: remove it too.
    if (prefix.endsWith('/'))
      await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
    return keys.length;
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (!entry.name.endsWith('.tmp'))
          keys.push(path.relative(this.root, full).split(path.sep).join('/'));
      }
    };
    // Walk only the deepest directory the prefix names, not the whole store.
    const dirPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    await walk(dirPart ? path.join(this.root, dirPart) : this.root);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }
}

/** A hard link when both paths share a filesystem (instant for a 2 GB upload), else a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
