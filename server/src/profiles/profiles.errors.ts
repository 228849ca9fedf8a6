// The problems the profiles capability reports; each `type` is stable API.
import { AppError } from '../platform/errors.js';

export const tooManyPins = (maxPins: number) =>
  new AppError({
    type: 'too-many-pinned-videos',
    kind: 'conflict',
    title: `You can pin at most ${maxPins} videos`,
    detail: 'Unpin one first.',
  });

export const notPinnable = () =>
  new AppError({
    type: 'video-not-pinnable',
    kind: 'conflict',
    title: 'Only your own ready videos can be pinned',
  });
