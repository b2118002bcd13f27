/**
 * The replicator of a run, built the same way in every thread from the run's plain description,
 * with the quality layer's HTMT (plsHtmt).
 */
import { plsHtmt } from "../quality.js";
import { PlsReplicator, type HtmtOf, type PlsBootContextData } from "./replicate.js";

/** The HTMT function every thread uses. */
export const HTMT_OF: HtmtOf = plsHtmt;

export function createReplicator(data: PlsBootContextData): PlsReplicator {
  return new PlsReplicator(data, HTMT_OF);
}
