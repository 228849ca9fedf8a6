// The problems the search capability reports; each `type` is stable API.
import { notFound } from '../platform/errors.js';

export const hashtagNotFound = (tag: string) =>
  notFound('hashtag', `Nobody has used #${tag.replace(/^#/, '')} yet.`);
