// Avatars: any common image in, a 400×400 WebP out. sharp writes no metadata unless asked, so
// EXIF (GPS, camera) never leaves the upload.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageTooLarge, imageUnreadable } from './accounts.errors.js';

export const AVATAR_SIZE_PX = 400;
export const AVATAR_MAX_INPUT_PIXELS = 40_000_000;
export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;

export async function renderAvatar(input: Buffer): Promise<{ webp: Buffer; digest: string }> {
  try {
    const webp = await sharp(input, { failOn: 'error', limitInputPixels: AVATAR_MAX_INPUT_PIXELS })
      .rotate() // apply EXIF orientation before it is dropped
      .resize(AVATAR_SIZE_PX, AVATAR_SIZE_PX, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
    return { webp, digest: createHash('sha256').update(webp).digest('hex').slice(0, 16) };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw imageTooLarge(AVATAR_MAX_INPUT_PIXELS);
    throw imageUnreadable();
  }
}
