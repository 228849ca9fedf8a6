// The line-up of one run: the four baselines and ours, built with the tuned settings.
import { makeForYouParams } from '@shortwave/ranking';
import { createEase } from './baselines/ease.js';
import { createItemKnn } from './baselines/item-knn.js';
import { createMostPopular, createRecentlyPopular } from './baselines/popular.js';
import type { BenchMethod } from './method.js';
import { createShortwaveMethod } from './shortwave.js';
import type { TunedSettings } from './tune.js';

export const BASELINE_NAMES = ['most-popular', 'recently-popular', 'item-knn', 'ease-r'] as const;

export function createMethods(tuned: TunedSettings, seed: number): BenchMethod[] {
  return [
    createMostPopular(),
    createRecentlyPopular(tuned.halfLifeSeconds),
    createItemKnn(tuned.knnSize),
    createEase(tuned.easeLambda),
    createShortwaveMethod(makeForYouParams(tuned.shortwave), seed),
  ];
}
