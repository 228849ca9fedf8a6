// The problems the social capability reports; each `type` is stable API.
import { AppError, notFound } from '../platform/errors.js';

/** Missing, suspended and blocked accounts all look the same: nobody by that handle. */
export const accountNotFound = (handle: string) =>
  notFound('account', `Nobody here is called @${handle}.`);

export const cannotFollowYourself = () =>
  new AppError({
    type: 'cannot-follow-yourself',
    kind: 'invalid',
    title: 'You cannot follow yourself',
  });

export const cannotBlockYourself = () =>
  new AppError({
    type: 'cannot-block-yourself',
    kind: 'invalid',
    title: 'You cannot block or mute yourself',
  });

export const privateAccount = (handle: string) =>
  new AppError({
    type: 'private-account',
    kind: 'forbidden',
    title: 'This account is private',
    detail: `Only people @${handle} approved as followers can see this. Send a follow request.`,
  });

export const noFollowRequest = (handle: string) =>
  new AppError({
    type: 'follow-request-not-found',
    kind: 'not-found',
    title: 'No such follow request',
    detail: `@${handle} has not asked to follow you, or the request was already answered.`,
  });
