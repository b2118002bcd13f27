# lavaan 0.6.14's time for the FIML benchmark case of bench/run.js: the five-factor CFA of the
# 25 bfi items with cells deleted completely at random to 3.0% missing
# (tests/fixtures/extra/bfi-fiml-3pct/data.csv, made by tests/fixtures/extra/cases-fiml.R),
# missing = "fiml" (estimator ML by default, or the third argument, e.g. MLR), in process, data
# frame already in memory. One warm-up fit, then `reps`
# timed fits of cfa() and, separately, of fitMeasures() (which lavaan computes on demand and
# isrs includes in every fit); writes the samples (wall and CPU seconds) and medians as JSON.
# Usage (from the project root): Rscript bench/lavaan-bfi-fiml.R [reps] [out.json] [estimator]
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 1) as.integer(args[1]) else 7L
out <- if (length(args) >= 2) args[2] else "bench/lavaan-bfi-fiml.json"
estimator <- if (length(args) >= 3) args[3] else "ML"
d <- read.csv("tests/fixtures/extra/bfi-fiml-3pct/data.csv")
model <- paste(readLines("tests/fixtures/extra/bfi-fiml-3pct/model.lav"), collapse = "\n")
fit <- cfa(model, data = d, missing = "fiml", estimator = estimator)
fm <- fitMeasures(fit)
times <- lapply(seq_len(reps), function(i) system.time(cfa(model, data = d, missing = "fiml", estimator = estimator)))
ftimes <- lapply(seq_len(reps), function(i) system.time(fitMeasures(fit)))
wall <- sapply(times, function(t) t[["elapsed"]])
cpu <- sapply(times, function(t) t[["user.self"]] + t[["sys.self"]])
fwall <- sapply(ftimes, function(t) t[["elapsed"]])
fcpu <- sapply(ftimes, function(t) t[["user.self"]] + t[["sys.self"]])
res <- list(
  case = sprintf("bfi five-factor CFA, FIML, 3%% missing, estimator %s", estimator), estimator = estimator, lavaan_version = as.character(packageVersion("lavaan")),
  r_version = R.version.string, date = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  nobs = lavInspect(fit, "nobs"), missing_cells = mean(is.na(d)), patterns = nrow(lavInspect(fit, "patterns")),
  chisq = fm[["chisq"]], chisq_scaled = if ("chisq.scaled" %in% names(fm)) fm[["chisq.scaled"]] else NULL, reps = reps,
  wall_seconds = wall, cpu_seconds = cpu, wall_seconds_median = median(wall), cpu_seconds_median = median(cpu),
  fitmeasures_wall_seconds = fwall, fitmeasures_cpu_seconds = fcpu,
  fitmeasures_wall_seconds_median = median(fwall), fitmeasures_cpu_seconds_median = median(fcpu),
  load_average = tryCatch(scan("/proc/loadavg", what = numeric(), n = 3, quiet = TRUE), error = function(e) NULL))
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat(sprintf("lavaan FIML (%s) bfi 3%%: cfa() median wall %.3f s (CPU %.3f s), fitMeasures() %.3f s (CPU %.3f s) over %d\n",
  estimator, median(wall), median(cpu), median(fwall), median(fcpu), reps))
