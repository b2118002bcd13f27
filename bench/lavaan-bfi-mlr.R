# lavaan 0.6.14's time for the MLR benchmark case of bench/run.js: the five-factor CFA of the
# 25 bfi items (datasets/big-five-inventory), estimator = "MLR", listwise deletion (lavaan's
# default), in process, data frame already in memory. One warm-up fit, then `reps` timed
# fits; writes the samples (wall and CPU seconds) and their medians as JSON.
# Usage (from the project root): Rscript bench/lavaan-bfi-mlr.R [reps] [out.json]
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 15L
out <- if (length(args) >= 2) args[2] else "bench/lavaan-bfi-mlr.json"
bfi <- read.csv("datasets/big-five-inventory/data.csv")
model <- paste(readLines("datasets/big-five-inventory/five-factor.lav"), collapse = "\n")
fit <- cfa(model, data = bfi, estimator = "MLR")
times <- lapply(seq_len(reps), function(i) system.time(cfa(model, data = bfi, estimator = "MLR")))
wall <- sapply(times, function(t) t[["elapsed"]])
cpu <- sapply(times, function(t) t[["user.self"]] + t[["sys.self"]])
res <- list(
  case = "bfi five-factor CFA, MLR, listwise", lavaan_version = as.character(packageVersion("lavaan")),
  r_version = R.version.string, date = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  nobs = lavInspect(fit, "nobs"), chisq = fitMeasures(fit, "chisq")[[1]], chisq_scaled = fitMeasures(fit, "chisq.scaled")[[1]],
  reps = reps, wall_seconds = wall, cpu_seconds = cpu,
  wall_seconds_median = median(wall), cpu_seconds_median = median(cpu),
  load_average = tryCatch(scan("/proc/loadavg", what = numeric(), n = 3, quiet = TRUE), error = function(e) NULL))
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat(sprintf("lavaan MLR bfi: median wall %.3f s, median CPU %.3f s over %d fits\n", median(wall), median(cpu), reps))
