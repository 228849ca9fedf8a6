// The problems the comments capability reports; each `type` is stable API.
import { AppError } from '../platform/errors.js';

export const commentNotFound = () =>
  new AppError({
    type: 'comment-not-found',
    kind: 'not-found',
    title: 'No such comment',
    detail: 'It may have been deleted, or it is not visible to you.',
  });

export const commentsOff = () =>
  new AppError({
    type: 'comments-off',
    kind: 'forbidden',
    title: 'Comments are turned off for this video',
  });

export const notYourComment = () =>
  new AppError({
    type: 'not-your-comment',
    kind: 'forbidden',
    title: 'Only its author or the video’s creator can delete this comment',
  });

export const notYourVideo = () =>
  new AppError({
    type: 'not-your-video',
    kind: 'forbidden',
    title: 'Only the creator can pin comments on this video',
  });
