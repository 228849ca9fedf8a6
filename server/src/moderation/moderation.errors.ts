// The problems the moderation capability reports; each `type` is stable API.
import { AppError, notFound } from '../platform/errors.js';

export const reportNotFound = () => notFound('report');

export const reportNotOpen = () =>
  new AppError({
    type: 'report-already-resolved',
    kind: 'conflict',
    title: 'This report was already resolved',
  });

export const cannotReportYourself = () =>
  new AppError({
    type: 'cannot-report-yourself',
    kind: 'invalid',
    title: 'You cannot report yourself or your own content',
  });

export const nothingToRemove = () =>
  new AppError({
    type: 'nothing-to-remove',
    kind: 'invalid',
    title: 'An account report has no content to remove',
    detail: 'Suspend the account, or dismiss the report.',
  });

export const cannotSuspendYourself = () =>
  new AppError({
    type: 'cannot-suspend-yourself',
    kind: 'invalid',
    title: 'You cannot suspend your own account',
  });
