// Facts ffprobe does not report about MP4/MOV files (ISO/IEC 14496-12 boxes): whether the file
// is cut short (a box runs past the end) and whether samples are encrypted (ISO/IEC 23001-7
// Common Encryption: `encv`/`enca` sample entries, `pssh` boxes). Also erases the user-data
// boxes ffmpeg 4.1 writes into fMP4 init segments.
import { open, readFile, rename, writeFile } from 'node:fs/promises';

export type IsoBmffFacts = { isIsoBmff: boolean; isTruncated: boolean; isEncrypted: boolean };

type Box = { type: string; start: number; headerSize: number; size: number };

/** The moov box is read whole; larger than this, we only look at its size. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
const CONTAINER_BOXES = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'udta', 'mvex']);
const KNOWN_TOP_LEVEL = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'uuid', 'moof']);

export async function inspectIsoBmff(filePath: string): Promise<IsoBmffFacts> {
  const file = await open(filePath, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const facts: IsoBmffFacts = { isIsoBmff: false, isTruncated: false, isEncrypted: false };
    let offset = 0;
    while (offset < fileSize) {
      const header = Buffer.alloc(16);
      const { bytesRead } = await file.read(header, 0, 16, offset);
      const box = readBoxHeader(header.subarray(0, bytesRead), 0, fileSize - offset);
      if (!box) {
        // 1..7 stray bytes after the last box, or a header cut in half.
        facts.isTruncated = facts.isIsoBmff;
        break;
      }
      if (offset === 0 && !KNOWN_TOP_LEVEL.has(box.type)) return facts; // not an MP4 at all
      facts.isIsoBmff = true;
      if (offset + box.size > fileSize) {
        facts.isTruncated = true;
        break;
      }
      if (box.type === 'moov' && box.size <= MAX_MOOV_BYTES) {
        const moov = Buffer.alloc(box.size);
        await file.read(moov, 0, box.size, offset);
        facts.isEncrypted ||= hasEncryptionBoxes(moov);
      }
      offset += box.size;
    }
    return facts;
  } finally {
    await file.close();
  }
}

/** A box header at `start`: 32-bit size, fourcc, 64-bit size when size is 1, 0 = to the end. */
export function readBoxHeader(bytes: Uint8Array, start: number, remaining: number): Box | null {
  if (bytes.length - start < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size32 = view.getUint32(start);
  const type = String.fromCharCode(...bytes.subarray(start + 4, start + 8));
  if (!/^[\x20-\x7e©]{4}$/.test(type)) return null;
  if (size32 === 1) {
    if (bytes.length - start < 16) return null;
    const size = Number(view.getBigUint64(start + 8));
    return size >= 16 ? { type, start, headerSize: 16, size } : null;
  }
  const size = size32 === 0 ? remaining : size32;
  return size >= 8 ? { type, start, headerSize: 8, size } : null;
}

function* childBoxes(bytes: Uint8Array, from: number, to: number): Generator<Box> {
  let offset = from;
  while (offset < to) {
    const box = readBoxHeader(bytes.subarray(0, to), offset, to - offset);
    if (!box || offset + box.size > to) return;
    yield box;
    offset += box.size;
  }
}

/** moov → trak → mdia → minf → stbl → stsd → encv/enca, or a pssh anywhere in moov. */
export function hasEncryptionBoxes(moov: Uint8Array): boolean {
  const visit = (from: number, to: number): boolean => {
    for (const box of childBoxes(moov, from, to)) {
      if (box.type === 'pssh' || box.type === 'encv' || box.type === 'enca') return true;
      const bodyStart = box.start + box.headerSize;
      const bodyEnd = box.start + box.size;
      if (box.type === 'stsd') {
        // full box (version + flags) and an entry count precede the sample entries.
        if (visit(bodyStart + 8, bodyEnd)) return true;
      } else if (CONTAINER_BOXES.has(box.type) && visit(bodyStart, bodyEnd)) {
        return true;
      }
    }
    return false;
  };
  const moovBox = readBoxHeader(moov, 0, moov.length);
  return moovBox ? visit(moovBox.headerSize, Math.min(moovBox.size, moov.length)) : false;
}

/**
 * Turns moov's `udta` and `meta` boxes into zero-filled `free` boxes in place (same size, so every
 * offset stays valid): ffmpeg 4.1's HLS muxer ignores -fflags +bitexact and writes encoder=Lavf58
 * there.
 * Returns whether anything changed.
 */
export function eraseUserData(initSegment: Uint8Array): boolean {
  let changed = false;
  for (const top of childBoxes(initSegment, 0, initSegment.length)) {
    if (top.type !== 'moov') continue;
    const erase = (from: number, to: number) => {
      for (const box of childBoxes(initSegment, from, to)) {
        if (box.type === 'udta' || box.type === 'meta') {
          initSegment.set([0x66, 0x72, 0x65, 0x65], box.start + 4); // 'free'
          initSegment.fill(0, box.start + box.headerSize, box.start + box.size);
          changed = true;
        } else if (box.type === 'trak') {
          erase(box.start + box.headerSize, box.start + box.size);
        }
      }
    };
    erase(top.start + top.headerSize, top.start + top.size);
  }
  return changed;
}

/** eraseUserData on a file, replaced atomically so a reader never sees half of it; repeatable. */
export async function scrubInitSegment(filePath: string): Promise<void> {
  const bytes = await readFile(filePath);
  if (!eraseUserData(bytes)) return;
  const temporary = `${filePath}.scrub.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, filePath);
}
