import { describe, expect, it } from 'vitest';
import { eraseUserData } from '../src/index.js';
import { inspectIsoBmff } from '../src/iso-bmff.js';
import { makeClip, makeEncryptedClip, makePngNamedMp4, makeTruncatedClip } from './corpus.js';

/** A box: 32-bit size, fourcc, body. */
function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(content.length + 8);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}

describe('inspectIsoBmff', () => {
  it('finds nothing wrong with a whole MP4', async () => {
    expect(await inspectIsoBmff(await makeClip())).toEqual({
      isIsoBmff: true,
      isTruncated: false,
      isEncrypted: false,
    });
  });

  it('sees a box that runs past the end of the file', async () => {
    expect(await inspectIsoBmff(await makeTruncatedClip())).toMatchObject({ isTruncated: true });
  });

  it('sees Common Encryption sample entries', async () => {
    expect(await inspectIsoBmff(await makeEncryptedClip())).toMatchObject({ isEncrypted: true });
  });

  it('does not mistake a PNG for an MP4', async () => {
    expect(await inspectIsoBmff(await makePngNamedMp4())).toMatchObject({
      isIsoBmff: false,
      isTruncated: false,
    });
  });
});

describe('eraseUserData', () => {
  it('turns moov user data into a zeroed free box of the same size', () => {
    const udta = box('udta', box('meta', Buffer.from('encoder=Lavf58.24.100')));
    const init = Buffer.concat([
      box('ftyp', Buffer.from('iso5')),
      box('moov', box('mvhd', Buffer.alloc(4)), udta),
    ]);
    const before = init.length;
    expect(eraseUserData(init)).toBe(true);
    expect(init.length).toBe(before);
    expect(init.includes('udta')).toBe(false);
    expect(init.includes('Lavf')).toBe(false);
    expect(init.includes('free')).toBe(true);
    expect(init.includes('mvhd')).toBe(true);
  });

  it('changes nothing in a segment without user data', () => {
    const init = Buffer.concat([
      box('ftyp', Buffer.from('iso5')),
      box('moov', box('mvhd', Buffer.alloc(4))),
    ]);
    const copy = Buffer.from(init);
    expect(eraseUserData(init)).toBe(false);
    expect(init.equals(copy)).toBe(true);
  });
});
