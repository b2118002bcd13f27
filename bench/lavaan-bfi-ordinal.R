# lavaan 0.6.14's time for the ordinal benchmark case of bench/run.js (bench/lib/ordinal.js): the
# five-factor CFA of the 25 bfi items (datasets/big-five-inventory, psych::bfi; listwise deletion
# keeps the 2,436 complete rows), every item ordered (6 categories), lavaan's default WLSMV, in
# process, data frame in memory. One warm-up fit, then `reps` timed fits; prints JSON (samples and
# medians, wall and CPU seconds, and the fit's chi-squares) on stdout.
# Usage (from the project root): Rscript bench/lavaan-bfi-ordinal.R [reps]
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 5L
bfi <- read.csv("datasets/big-five-inventory/data.csv")
model <- paste(readLines("datasets/big-five-inventory/five-factor.lav"), collapse = "\n")
fit <- cfa(model, data = bfi, ordered = TRUE)
times <- lapply(seq_len(reps), function(i) system.time(cfa(model, data = bfi, ordered = TRUE)))
wall <- sapply(times, function(t) t[["elapsed"]])
cpu <- sapply(times, function(t) t[["user.self"]] + t[["sys.self"]])
cat(toJSON(list(
  lavaan_version = as.character(packageVersion("lavaan")), nobs = lavInspect(fit, "nobs"),
  chisq = fitMeasures(fit, "chisq")[[1]], chisq_scaled = fitMeasures(fit, "chisq.scaled")[[1]],
  reps = reps, wall_seconds = wall, cpu_seconds = cpu,
  wall_seconds_median = median(wall), cpu_seconds_median = median(cpu)), auto_unbox = TRUE, digits = NA))
