/**
 * The replicator of a run, built the same way in every thread from the run's plain description,
 * with the HTMT of the quality layer when the run bootstraps it.
 */
import { PlsReplicator, type HtmtOf, type PlsBootContextData } from "./replicate.js";

/** The HTMT function used by every thread (null until the quality layer provides one). */
export const HTMT_OF: HtmtOf | null = null;

export function createReplicator(data: PlsBootContextData): PlsReplicator {
  return new PlsReplicator(data, HTMT_OF);
}
