/**
 * The population model kept in the instrument: standardized values, so that every latent
 * variable and every item's latent response has variance 1. Latent correlations follow from the
 * structural equations taken in causal order (a recursive model): for eta = sum_k b_k x_k + zeta,
 * cov(eta, w) = sum_k b_k cov(x_k, w) for every variable w placed before eta, and the residual
 * variance is psi = 1 - b' Phi_xx b (Bollen 1989, ch. 4, the covariance algebra of recursive
 * models). Exogenous latent variables are uncorrelated. Items: Sigma_ij = lambda_i lambda_j
 * Phi(f_i, f_j) off the diagonal and 1 on it (the residual variance is 1 - lambda_i^2).
 */
import { InputError } from "../sem/messages.js";
import { secondOrderOf } from "./load.js";
import type { Instrument } from "./schema.js";
import { InstrumentError } from "./messages.js";

export interface PopulationModel {
  /** latent variables in causal order */
  latents: string[];
  /** latent correlation matrix, row-major, in the order of `latents` */
  phi: Float64Array;
  /** residual variance of each endogenous latent (1 for exogenous ones) */
  psi: Record<string, number>;
  /** item ids, in the instrument's order */
  items: string[];
  /** implied correlation matrix of the items' latent responses, row-major */
  sigma: Float64Array;
  /** standardized predictors of each latent: second-order loadings and regression paths */
  equations: Record<string, { predictor: string; beta: number }[]>;
}

export function populationModel(instr: Instrument): PopulationModel {
  const pop = instr.population;
  const equations: Record<string, { predictor: string; beta: number }[]> = {};
  const latentIds = instr.constructs.map((c) => c.id);
  for (const id of latentIds) equations[id] = [];
  for (const s of secondOrderOf(instr))
    for (const d of s.dimensions) equations[d]!.push({ predictor: s.id, beta: pop.secondOrder[d]! });
  for (const r of pop.regressions) equations[r.outcome]!.push({ predictor: r.predictor, beta: r.beta });
  const latents = causalOrder(latentIds, equations);
  const m = latents.length;
  const pos = new Map(latents.map((l, i) => [l, i]));
  const phi = new Float64Array(m * m);
  const psi: Record<string, number> = {};
  latents.forEach((eta, i) => {
    const eq = equations[eta]!;
    for (let j = 0; j < i; j++) {
      const c = eq.reduce((sum, t) => sum + t.beta * phi[pos.get(t.predictor)! * m + j]!, 0);
      phi[i * m + j] = c;
      phi[j * m + i] = c;
    }
    let explained = 0;
    for (const a of eq)
      for (const b of eq) explained += a.beta * b.beta * phi[pos.get(a.predictor)! * m + pos.get(b.predictor)!]!;
    if (!(explained < 1)) {
      throw new InstrumentError(
        "E_INSTRUMENT",
        `instrument ${instr.id} ${instr.version}: population: ` +
          `the values explain ${explained.toFixed(3)} of ` +
          `the variance of "${eta}" (must be below 1)`,
      );
    }
    psi[eta] = 1 - explained;
    phi[i * m + i] = 1;
  });
  const items = instr.items.map((i) => i.id);
  const p = items.length;
  const sigma = new Float64Array(p * p);
  instr.items.forEach((a, i) => {
    instr.items.forEach((b, j) => {
      const r = phi[pos.get(a.construct)! * m + pos.get(b.construct)!]!;
      sigma[i * p + j] = i === j ? 1 : pop.loadings[a.id]! * pop.loadings[b.id]! * r;
    });
  });
  return { latents, phi, psi, items, sigma, equations };
}

/** Latent variables ordered so that every predictor comes before what it predicts. */
function causalOrder(ids: string[], equations: Record<string, { predictor: string }[]>): string[] {
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < ids.length) {
    const next = ids.find((id) => !placed.has(id) && equations[id]!.every((t) => placed.has(t.predictor)));
    if (next === undefined) {
      const left = ids.filter((id) => !placed.has(id)).join(", ");
      throw new InstrumentError("E_INSTRUMENT", `the model is not recursive: ${left} predict each other in a cycle`);
    }
    out.push(next);
    placed.add(next);
  }
  return out;
}
