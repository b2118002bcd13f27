/** The data layer: reading a data file and turning it into the numeric data a model is fitted to. */
export { tableFromText } from "./csv.js";
export { detectDelimiter, detectDecimal } from "./detect.js";
export type { DataTable, NumericColumns, ReadTableOptions } from "./csv.js";
export { numericOf, withNumeric } from "./numeric.js";
export { buildDataSet } from "./dataset.js";
export type { BuildDataSetOptions, DataSet, DataSetGroup, DroppedRow } from "./dataset.js";
export { findCollinear, covarianceN } from "./collinear.js";
export { levenshtein, suggestNames, didYouMean } from "./suggest.js";
export { parseNumber, looksNumeric } from "./number.js";
export type { DecimalMark } from "./number.js";
