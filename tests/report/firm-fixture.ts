/** A firm view made up for the firm-report tests (values chosen by hand, not computed). */
import type { FirmView } from "../../src/report/firm.js";

export function firmView(id: string, shift = 0): FirmView {
  const dim = (did: string, label: string, score: number, percentile: number) => ({
    id: did,
    label,
    score: score + shift,
    percentile,
    norm: { min: 2.2, q1: 3.9, median: 4.6, q3: 5.3, max: 6.8 },
  });
  return {
    id,
    index: 61.5 + shift * 10,
    percentile: 58,
    profile: { name: "follower", description: "Recovers from most failures, with gaps in how it learns from them." },
    dimensions: [
      dim("detection", "Failure detection", 5.1, 66),
      dim("analysis", "Failure analysis", 3.4, 12),
      dim("response", "Response to failure", 4.8, 55),
    ],
    scale: { min: 1, max: 7 },
    actions: [
      {
        priority: 1,
        item: "ANA2",
        practice: "Failures and resolutions are recorded in one shared system",
        dimension: "Failure analysis",
        score: 2,
        answer: 2,
        reverseKeyed: false,
        action: "Record every failure in one shared log.",
      },
      {
        priority: 2,
        item: "ANA3",
        practice: "Management reviews failure data regularly",
        dimension: "Failure analysis",
        score: 3,
        answer: 5,
        reverseKeyed: true,
        action: "Put failure data on the monthly management agenda.",
      },
    ],
    normSize: 151,
    weighting: "Index weights: equal weights.",
    meta: [{ label: "firm", value: id }],
    provenance: "Made-up values for a test.",
  };
}
