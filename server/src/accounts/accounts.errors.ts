// The problems the accounts capability reports; each `type` is stable API.
import { AppError } from '../platform/errors.js';

export const handleTaken = (handle: string) =>
  new AppError({
    type: 'handle-taken',
    kind: 'conflict',
    title: 'That handle is taken',
    detail: `@${handle} already belongs to someone (handles ignore case). Try another.`,
  });

export const handleReserved = (handle: string) =>
  new AppError({
    type: 'handle-reserved',
    kind: 'invalid',
    title: 'That handle is reserved',
    detail: `@${handle} is reserved by Shortwave. Try another.`,
  });

export const wrongCredentials = () =>
  new AppError({
    type: 'wrong-credentials',
    kind: 'unauthenticated',
    title: 'Wrong handle or password',
  });

export const wrongPassword = () =>
  new AppError({
    type: 'wrong-password',
    kind: 'forbidden',
    title: 'Wrong password',
    detail: 'Type your current password to confirm this change.',
  });

export const imageUnreadable = () =>
  new AppError({
    type: 'image-unreadable',
    kind: 'unsupported-media-type',
    title: 'That file is not an image we can read',
    detail: 'Upload a JPEG, PNG, WebP, AVIF, GIF or TIFF image.',
  });

export const imageTooLarge = (maxPixels: number) =>
  new AppError({
    type: 'image-too-large',
    kind: 'too-large',
    title: 'That image is too large',
    detail: `Images may have at most ${maxPixels.toLocaleString('en')} pixels.`,
  });
