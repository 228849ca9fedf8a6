// Byte-level edits of MP4 files (ISO/IEC 14496-12) for the corpus: what phones write that ffmpeg
// 4.1 cannot (a display matrix next to Apple metadata keys), and the damage uploads suffer.
import { readBoxHeader } from '../src/iso-bmff.js';

type Box = NonNullable<ReturnType<typeof readBoxHeader>>;

function children(bytes: Buffer, parent: Box | null): Box[] {
  const from = parent ? parent.start + parent.headerSize : 0;
  const to = parent ? parent.start + parent.size : bytes.length;
  const boxes: Box[] = [];
  let offset = from;
  while (offset < to) {
    const box = readBoxHeader(bytes, offset, to - offset);
    if (!box) break;
    boxes.push(box);
    offset += box.size;
  }
  return boxes;
}

function child(bytes: Buffer, parent: Box | null, type: string): Box {
  const found = children(bytes, parent).find((box) => box.type === type);
  if (!found) throw new Error(`no ${type} box`);
  return found;
}

/** The handler type (vide, soun) of a trak: mdia → hdlr, 8 bytes into its body. */
function handlerOf(bytes: Buffer, trak: Box): string {
  const hdlr = child(bytes, child(bytes, trak, 'mdia'), 'hdlr');
  const at = hdlr.start + hdlr.headerSize + 8;
  return bytes.toString('latin1', at, at + 4);
}

/**
 * Writes the display matrix an iPhone writes for a portrait recording (the sensor is landscape):
 * a quarter turn clockwise, [0 1 0; -1 0 0; height 0 1] (16.16 and 2.30 fixed point), in the
 * video track's tkhd.
 */
export function rotateVideoTrack(source: Buffer): Buffer {
  const bytes = Buffer.from(source);
  const moov = child(bytes, null, 'moov');
  const trak = children(bytes, moov).find(
    (box) => box.type === 'trak' && handlerOf(bytes, box) === 'vide',
  );
  if (!trak) throw new Error('no video trak');
  const tkhd = child(bytes, trak, 'tkhd');
  const version = bytes.readUInt8(tkhd.start + tkhd.headerSize);
  const matrixAt = tkhd.start + tkhd.headerSize + (version === 1 ? 52 : 40);
  const heightFixed = bytes.readUInt32BE(matrixAt + 40); // tkhd height, 16.16
  const matrix = [0, 0x00010000, 0, -0x00010000, 0, 0, heightFixed, 0, 0x40000000];
  matrix.forEach((value, i) => bytes.writeInt32BE(value | 0, matrixAt + i * 4));
  return bytes;
}

/**
 * Keeps the first `fraction` of the media data and shrinks mdat's size to match, so the boxes are
 * consistent but the sample tables point past the end: the header claims frames the file lacks.
 */
export function dropMediaData(source: Buffer, fraction: number): Buffer {
  const mdat = child(source, null, 'mdat');
  const payload = mdat.size - mdat.headerSize;
  const kept = mdat.headerSize + Math.floor(payload * fraction);
  if (mdat.start + mdat.size !== source.length) throw new Error('mdat must be the last box');
  const bytes = Buffer.from(source.subarray(0, mdat.start + kept));
  if (mdat.headerSize === 16) bytes.writeBigUInt64BE(BigInt(kept), mdat.start + 8);
  else bytes.writeUInt32BE(kept, mdat.start);
  return bytes;
}

/** Where the moov box ends, to cut a file just inside it. */
export function moovEnd(bytes: Buffer): number {
  const moov = child(bytes, null, 'moov');
  return moov.start + moov.size;
}
