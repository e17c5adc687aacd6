/**
 * Small, dependency-free fitting for the two linear models (a dozen features, a few thousand
 * examples): listwise softmax for the ranker, logistic regression for the decision. A library
 * would bring a tensor runtime for what is twenty lines of gradient descent with Adam.
 */

export interface Fit {
  bias: number;
  weights: number[];
}

class Adam {
  private m: number[];
  private v: number[];
  private t = 0;
  constructor(
    n: number,
    private readonly lr: number,
  ) {
    this.m = new Array(n).fill(0);
    this.v = new Array(n).fill(0);
  }
  step(params: number[], grad: number[]): void {
    this.t++;
    for (let i = 0; i < params.length; i++) {
      this.m[i] = 0.9 * this.m[i]! + 0.1 * grad[i]!;
      this.v[i] = 0.999 * this.v[i]! + 0.001 * grad[i]! ** 2;
      const mh = this.m[i]! / (1 - 0.9 ** this.t);
      const vh = this.v[i]! / (1 - 0.999 ** this.t);
      params[i]! -= (this.lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
}

/** One query's candidates (feature rows) and which of them are right. */
export interface RankGroup {
  rows: number[][];
  right: boolean[];
}

/** Maximises the softmax probability of the right candidates, query by query (ListNet-style). */
export function fitListwise(groups: RankGroup[], dims: number, opts = { epochs: 400, lr: 0.05, l2: 1e-3 }): Fit {
  const w = new Array(dims).fill(0);
  const adam = new Adam(dims, opts.lr);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const grad = w.map((x) => opts.l2 * x);
    for (const g of groups) {
      const scores = g.rows.map((r) => r.reduce((s, x, i) => s + x * w[i]!, 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const zRight = exp.reduce((a, e, i) => a + (g.right[i] ? e : 0), 0);
      // d(-log Σ_right p)/d score_i = p_i − [right] · p_i / Σ_right p
      g.rows.forEach((r, i) => {
        const p = exp[i]! / z;
        const coef = (p - (g.right[i] ? exp[i]! / zRight : 0)) / groups.length;
        for (let d = 0; d < dims; d++) grad[d]! += coef * r[d]!;
      });
    }
    adam.step(w, grad);
  }
  return { bias: 0, weights: w };
}

/** Plain logistic regression: P(y = 1 | x). */
export function fitLogistic(rows: number[][], labels: number[], dims: number, opts = { epochs: 2000, lr: 0.05, l2: 1e-3 }): Fit {
  const params = new Array(dims + 1).fill(0);
  const adam = new Adam(dims + 1, opts.lr);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const grad = params.map((x, i) => (i < dims ? opts.l2 * x : 0));
    rows.forEach((r, n) => {
      const z = params[dims]! + r.reduce((s, x, i) => s + x * params[i]!, 0);
      const err = (1 / (1 + Math.exp(-z)) - labels[n]!) / rows.length;
      for (let d = 0; d < dims; d++) grad[d]! += err * r[d]!;
      grad[dims]! += err;
    });
    adam.step(params, grad);
  }
  return { bias: params[dims]!, weights: params.slice(0, dims) };
}

