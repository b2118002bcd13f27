/**
 * The instrument definition file, as a zod schema: scales with anchor labels, constructs
 * (first-order dimensions, outcomes, second-order factors), items with their wording,
 * reverse-keyed flag and recommendation, the structural model, and the population values
 * the simulator draws from. Objects are strict (an unknown key is an error, so a typo in a
 * key name is caught), and the cross-references (an item's construct, a scale id, a loading
 * for every item, ...) are checked after the shape, each with the path of the offending value.
 */
import * as z from "zod";

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must start with a letter and contain only letters, digits and _");

const AnchorSchema = z.strictObject({
  value: z.number().int(),
  label: z.string().min(1),
});

const ScaleSchema = z.strictObject({
  id: Id,
  min: z.number().int(),
  max: z.number().int(),
  anchors: z.array(AnchorSchema).min(2),
  /**
   * the answers are ordered categories: `isrs analyze --ordinal` (and report, score) fits the items
   * on this scale as ordered (lavaan's `ordered =`, WLSMV); default false (continuous)
   */
  ordinal: z.boolean().optional(),
});

const FirstOrderSchema = z.strictObject({
  id: Id,
  kind: z.enum(["dimension", "outcome"]),
  label: z.string().min(1),
  scale: z.string(),
  stem: z.string().min(1),
  description: z.string().optional(),
});

const SecondOrderSchema = z.strictObject({
  id: Id,
  kind: z.literal("second-order"),
  label: z.string().min(1),
  dimensions: z.array(z.string()).min(2),
  description: z.string().optional(),
});

const ConstructSchema = z.discriminatedUnion("kind", [FirstOrderSchema, SecondOrderSchema]);

const ItemSchema = z.strictObject({
  id: Id,
  construct: z.string(),
  reverse: z.boolean(),
  text: z.string().min(1),
  /** What a firm can do when this practice is weak (practice items only). */
  recommendation: z.string().min(1).optional(),
});

const RegressionSchema = z.strictObject({
  outcome: z.string(),
  predictors: z.array(z.string()).min(1),
});

const Standardized = z.number().gt(-1).lt(1);

const PopulationSchema = z.strictObject({
  note: z.string().min(1),
  /** Standardized loading of each item's latent response on its construct. */
  loadings: z.record(z.string(), Standardized),
  /** Standardized loading of each dimension on its second-order factor. */
  secondOrder: z.record(z.string(), Standardized),
  regressions: z.array(z.strictObject({ outcome: z.string(), predictor: z.string(), beta: Standardized })),
  /** Share of answers in each category of each scale (the marginal distribution of an item). */
  categoryProbabilities: z.record(z.string(), z.array(z.number().gt(0).lt(1))),
});

/**
 * The instrument's wording in another language (keyed by language code, for example "es"): the
 * title, each scale's anchor labels (in the order of its anchors), each construct's label, stem
 * and description, each item's text and recommendation. Ids, scales and the model are the
 * original's; anything not given stays in the original language.
 */
const TranslationSchema = z.strictObject({
  title: z.string().min(1).optional(),
  scales: z.record(z.string(), z.strictObject({ anchors: z.array(z.string().min(1)) })).optional(),
  constructs: z
    .record(
      z.string(),
      z.strictObject({
        label: z.string().min(1).optional(),
        stem: z.string().min(1).optional(),
        description: z.string().min(1).optional(),
      }),
    )
    .optional(),
  items: z
    .record(
      z.string(),
      z.strictObject({ text: z.string().min(1).optional(), recommendation: z.string().min(1).optional() }),
    )
    .optional(),
});

const Shape = z.strictObject({
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a version number such as 1.0.0"),
  title: z.string().min(1),
  provenance: z.string().min(1),
  idColumn: z.string().min(1),
  scales: z.array(ScaleSchema).min(1),
  constructs: z.array(ConstructSchema).min(1),
  items: z.array(ItemSchema).min(1),
  model: z.strictObject({ regressions: z.array(RegressionSchema) }),
  population: PopulationSchema,
  translations: z
    .record(z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code"), TranslationSchema)
    .optional(),
});

type Shape = z.infer<typeof Shape>;
type Issue = { path: (string | number)[]; message: string };

/** The cross-reference checks, in the order of the file. */
function crossReferences(v: Shape): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string): void => void issues.push({ path, message });
  const duplicates = (list: { id: string }[], where: string): void =>
    list.forEach((x, i) => {
      if (list.findIndex((y) => y.id === x.id) !== i) add([where, i, "id"], `"${x.id}" is used twice`);
    });
  duplicates(v.scales, "scales");
  duplicates(v.constructs, "constructs");
  duplicates(v.items, "items");
  const ids = new Set([...v.constructs.map((c) => c.id), ...v.items.map((i) => i.id), v.idColumn]);
  if (ids.size !== v.constructs.length + v.items.length + 1)
    add(["idColumn"], "construct ids, item ids and the id column must all differ");
  v.scales.forEach((s, i) => {
    if (s.max <= s.min) add(["scales", i, "max"], `must be greater than min (${s.min})`);
    s.anchors.forEach((a, k) => {
      if (a.value < s.min || a.value > s.max)
        add(["scales", i, "anchors", k, "value"], `${a.value} is outside ${s.min}..${s.max}`);
    });
    for (const end of [s.min, s.max]) {
      if (!s.anchors.some((a) => a.value === end)) add(["scales", i, "anchors"], `the end point ${end} has no label`);
    }
  });
  const scales = new Set(v.scales.map((s) => s.id));
  const byId = new Map(v.constructs.map((c) => [c.id, c]));
  const scaleOfFirst = (id: string): string | undefined => {
    const c = byId.get(id);
    return c !== undefined && c.kind !== "second-order" ? c.scale : undefined;
  };
  v.constructs.forEach((c, i) => {
    if (c.kind !== "second-order") {
      if (!scales.has(c.scale)) add(["constructs", i, "scale"], `"${c.scale}" is not a scale id`);
      if (!v.items.some((it) => it.construct === c.id)) add(["constructs", i], `construct "${c.id}" has no items`);
      return;
    }
    c.dimensions.forEach((d, k) => {
      const dim = byId.get(d);
      if (dim?.kind !== "dimension") add(["constructs", i, "dimensions", k], `"${d}" is not a dimension construct`);
      else if (dim.scale !== scaleOfFirst(c.dimensions[0]!))
        add(
          ["constructs", i, "dimensions", k],
          `"${d}" must use the same scale as "${c.dimensions[0]}" (the index averages their scores)`,
        );
    });
  });
  v.items.forEach((it, i) => {
    const c = byId.get(it.construct);
    if (c === undefined || c.kind === "second-order")
      add(["items", i, "construct"], `"${it.construct}" is not a first-order construct`);
    else if (c.kind === "dimension" && it.recommendation === undefined)
      add(["items", i, "recommendation"], "a practice item needs a recommendation");
  });
  v.model.regressions.forEach((r, i) => {
    if (!byId.has(r.outcome)) add(["model", "regressions", i, "outcome"], `"${r.outcome}" is not a construct`);
    r.predictors.forEach((p, k) => {
      if (!byId.has(p)) add(["model", "regressions", i, "predictors", k], `"${p}" is not a construct`);
    });
  });
  issues.push(...populationReferences(v), ...translationReferences(v));
  return issues;
}

/** Every id a translation names exists, and a scale's translated anchors match its anchors one for one. */
function translationReferences(v: Shape): Issue[] {
  const issues: Issue[] = [];
  for (const [lang, t] of Object.entries(v.translations ?? {})) {
    const at = (...path: (string | number)[]): (string | number)[] => ["translations", lang, ...path];
    for (const [id, sc] of Object.entries(t.scales ?? {})) {
      const scale = v.scales.find((s) => s.id === id);
      if (scale === undefined) issues.push({ path: at("scales", id), message: `"${id}" is not a scale id` });
      else if (sc.anchors.length !== scale.anchors.length)
        issues.push({
          path: at("scales", id, "anchors"),
          message: `${sc.anchors.length} labels for ${scale.anchors.length} anchors`,
        });
    }
    for (const id of Object.keys(t.constructs ?? {}))
      if (!v.constructs.some((c) => c.id === id))
        issues.push({ path: at("constructs", id), message: `"${id}" is not a construct id` });
    for (const id of Object.keys(t.items ?? {}))
      if (!v.items.some((c) => c.id === id))
        issues.push({ path: at("items", id), message: `"${id}" is not an item id` });
  }
  return issues;
}

function populationReferences(v: Shape): Issue[] {
  const issues: Issue[] = [];
  const pop = v.population;
  const items = new Set(v.items.map((i) => i.id));
  v.items.forEach((it) => {
    if (pop.loadings[it.id] === undefined)
      issues.push({ path: ["population", "loadings", it.id], message: "missing (every item needs a loading)" });
  });
  for (const k of Object.keys(pop.loadings)) {
    if (!items.has(k)) issues.push({ path: ["population", "loadings", k], message: `"${k}" is not an item id` });
  }
  const dims = v.constructs.flatMap((c) => (c.kind === "second-order" ? c.dimensions : []));
  dims.forEach((d) => {
    if (pop.secondOrder[d] === undefined)
      issues.push({
        path: ["population", "secondOrder", d],
        message: "missing (every dimension of a second-order factor needs one)",
      });
  });
  const paths = new Set(v.model.regressions.flatMap((r) => r.predictors.map((p) => `${r.outcome}~${p}`)));
  pop.regressions.forEach((r, i) => {
    if (!paths.has(`${r.outcome}~${r.predictor}`))
      issues.push({
        path: ["population", "regressions", i],
        message: `${r.outcome} ~ ${r.predictor} is not a path of the model`,
      });
  });
  for (const p of paths) {
    if (!pop.regressions.some((r) => `${r.outcome}~${r.predictor}` === p))
      issues.push({ path: ["population", "regressions"], message: `the path ${p.replace("~", " ~ ")} has no value` });
  }
  v.scales.forEach((s) => {
    const probs = pop.categoryProbabilities[s.id];
    const path = ["population", "categoryProbabilities", s.id];
    if (probs === undefined) issues.push({ path, message: "missing (every scale needs its category probabilities)" });
    else if (probs.length !== s.max - s.min + 1)
      issues.push({ path, message: `${probs.length} probabilities for ${s.max - s.min + 1} categories` });
    else if (Math.abs(probs.reduce((a, b) => a + b, 0) - 1) > 1e-9)
      issues.push({ path, message: "the probabilities must sum to 1" });
  });
  return issues;
}

export const InstrumentSchema = Shape.superRefine((v, ctx) => {
  for (const issue of crossReferences(v)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

export type Instrument = z.infer<typeof InstrumentSchema>;
export type Scale = Instrument["scales"][number];
export type Construct = Instrument["constructs"][number];
export type Item = Instrument["items"][number];
export type Translation = z.infer<typeof TranslationSchema>;
