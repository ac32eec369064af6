/**
 * Maximizing a smooth log-likelihood over a few log-parameters: BFGS with analytic gradients,
 * a backtracking line search and a box.
 *
 * Why this shape: the models' parameters are positive, so the search runs on their logs (every
 * step stays in the domain); the box keeps a likelihood that keeps rising towards a limit (a
 * degenerate order log) from walking off to infinity, and reports it at once (the caller refuses
 * such a fit, so the search does not polish it); a point where the
 * likelihood or its gradient is not finite counts as worse than any other, so the search never
 * steps onto a NaN. It stops when the gradient, in log-parameters, is below `gradientTolerance`
 * × max(1, |ln L|): a relative 1e-9 leaves the parameters within about 1e-7 of the optimum,
 * far tighter than the 1% that separates a right fit from a visibly wrong one.
 */

export type Objective = (theta: Float64Array, grad: Float64Array) => number;

export interface MaximizeOptions {
  /** Bounds on every log-parameter. */
  lower: number;
  upper: number;
  maxIterations?: number;
  gradientTolerance?: number;
  /** Largest change of any log-parameter in one step. */
  maxStep?: number;
  /** A budget on evaluations (a healthy fit of the models uses 20 to 60). */
  maxEvaluations?: number;
}

export interface MaximizeResult {
  theta: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Per parameter: whether it ended on the box (the likelihood rises towards a limit there). */
  atBound: boolean[];
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 40;

export function maximize(f: Objective, start: ArrayLike<number>, o: MaximizeOptions): MaximizeResult {
  const n = start.length;
  const maxIterations = o.maxIterations ?? 500;
  const tolerance = o.gradientTolerance ?? 1e-9;
  const maxStep = o.maxStep ?? 2;
  const maxEvaluations = o.maxEvaluations ?? 3000;
  let evaluations = 0;
  const safe = (theta: Float64Array, grad: Float64Array): number => {
    evaluations++;
    const value = f(theta, grad);
    if (value !== value || value === Infinity) return -Infinity;
    for (let i = 0; i < n; i++) if (!Number.isFinite(grad[i])) return -Infinity;
    return value;
  };

  let theta = Float64Array.from(start, (t) => clamp(t, o.lower, o.upper));
  let grad = new Float64Array(n);
  let value = safe(theta, grad);
  if (value === -Infinity) throw new Error('maximize: the likelihood is not finite at the start');

  let h = identity(n, 1 / Math.max(1, norm(grad)));
  let fresh = true; // h is a scaled identity, not yet learnt from steps
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  let trialGrad = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let iterations = 0;
  let converged = false;

  for (; iterations < maxIterations && evaluations < maxEvaluations; iterations++) {
    // A parameter held at the box by a gradient pushing outwards means there is no optimum
    // inside: the caller refuses such a fit, so searching on along the box is wasted time.
    const held = heldAtBound(theta, grad, o);
    if (held.some(Boolean)) break;
    if (projectedNorm(grad, held) <= tolerance * Math.max(1, Math.abs(value))) {
      converged = true;
      break;
    }
    multiply(h, grad, direction);
    for (let i = 0; i < n; i++) if (held[i]) direction[i] = 0;
    let slope = dot(grad, direction);
    if (!(slope > 0)) {
      // Not an ascent direction (h has gone bad): start again from steepest ascent.
      h = identity(n, 1 / Math.max(1, norm(grad)));
      fresh = true;
      for (let i = 0; i < n; i++) direction[i] = held[i] ? 0 : h[i * n + i] * grad[i];
      slope = dot(grad, direction);
    }
    const longest = maxAbs(direction);
    if (longest > maxStep) {
      for (let i = 0; i < n; i++) direction[i] *= maxStep / longest;
      slope *= maxStep / longest;
    }

    let step = 1;
    let accepted = false;
    let trialValue = -Infinity;
    for (let k = 0; k < MAX_HALVINGS; k++, step *= 0.5) {
      for (let i = 0; i < n; i++) trial[i] = clamp(theta[i] + step * direction[i], o.lower, o.upper);
      trialValue = safe(trial, trialGrad);
      if (trialValue >= value + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      // Within rounding of the current value, a step that still reduces the gradient is progress.
      if (trialValue > -Infinity && Math.abs(trialValue - value) <= 1e-13 * Math.abs(value) && dot(trialGrad, direction) < slope) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break; // no step improves: the gradient check above decides convergence

    for (let i = 0; i < n; i++) {
      s[i] = trial[i] - theta[i];
      y[i] = grad[i] - trialGrad[i]; // gradient change of −ln L, which is minimized
    }
    theta = Float64Array.from(trial);
    const previous = grad;
    grad = trialGrad;
    trialGrad = previous;
    value = trialValue;

    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (fresh) {
        h = identity(n, sy / dot(y, y));
        fresh = false;
      }
      bfgsUpdate(h, s, y, sy);
    }
  }
  if (!converged) {
    const held = heldAtBound(theta, grad, o);
    converged = projectedNorm(grad, held) <= 100 * tolerance * Math.max(1, Math.abs(value));
  }
  const atBound = Array.from(theta, (t) => t <= o.lower + 1e-9 || t >= o.upper - 1e-9);
  return { theta, value, gradient: grad, iterations, evaluations, converged, atBound };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function heldAtBound(theta: Float64Array, grad: Float64Array, o: MaximizeOptions): boolean[] {
  return Array.from(theta, (t, i) => (t <= o.lower && grad[i] < 0) || (t >= o.upper && grad[i] > 0));
}

function projectedNorm(grad: Float64Array, held: boolean[]): number {
  let m = 0;
  for (let i = 0; i < grad.length; i++) if (!held[i] && Math.abs(grad[i]) > m) m = Math.abs(grad[i]);
  return m;
}

function identity(n: number, scale: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = scale;
  return m;
}

function multiply(m: Float64Array, v: Float64Array, out: Float64Array): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += m[i * n + j] * v[j];
    out[i] = sum;
  }
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀs): the inverse-Hessian update. */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const hy = new Float64Array(n);
  multiply(h, y, hy);
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
    }
  }
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
}

function norm(v: Float64Array): number {
  return Math.sqrt(dot(v, v));
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]) > m) m = Math.abs(v[i]);
  return m;
}
