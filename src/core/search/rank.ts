import { FEATURES, type FeatureVector } from './features.js';
import { RANKER } from './model.js';

export interface LinearModel<K extends string> {
  bias: number;
  weights: Record<K, number>;
}

export function linear<K extends string>(model: LinearModel<K>, x: Record<K, number>, names: readonly K[]): number {
  let s = model.bias;
  for (const k of names) s += model.weights[k] * x[k];
  return s;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The second phase: a learned linear combination of the candidate's features (see `npm run train`). */
export function rankScore(f: FeatureVector, model: LinearModel<(typeof FEATURES)[number]> = RANKER): number {
  return linear(model, f, FEATURES);
}
