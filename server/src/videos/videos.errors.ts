import { AppError } from '../platform/errors.js';

export const videoNotFound = () =>
  new AppError({
    type: 'video-not-found',
    kind: 'not-found',
    title: 'No such video',
    detail: 'It may have been deleted, or it is not visible to you.',
  });

export const notYourVideo = () =>
  new AppError({
    type: 'not-your-video',
    kind: 'forbidden',
    title: 'Only the creator can change this video',
  });
