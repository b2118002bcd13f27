# Times the R equivalent of `isrs analyze` on the cases of tests/fixtures/analysis (psych 2.2.9,
# semTools 0.5.6, lavaan 0.6.14): describe, mardia, mahalanobis, alpha per construct, the
# measurement / second-order / structural fits, compRelSEM, AVE, htmt (both kinds),
# compRelSEM(higher), reliabilityL2, lavTestLRT and standardizedSolution.
# Usage (from the repository root): Rscript bench/analyze-r.R  -> bench/analyze-r.json
suppressPackageStartupMessages({library(lavaan); library(semTools); library(psych); library(jsonlite)})
reps <- 7
out <- list()
for (name in c("holzinger-swineford", "big-five-inventory", "isrs-kibs-simulated")) {
  ref <- fromJSON(file.path("tests/fixtures/analysis", paste0(name, ".json")), simplifyVector = TRUE)
  raw <- read.csv(ref$data)
  for (v in ref$reverse) raw[[v]] <- 8 - raw[[v]]
  cons <- ref$constructs
  items <- unlist(cons, use.names = FALSE)
  m1 <- paste(sprintf("%s =~ %s", names(cons), sapply(cons, paste, collapse = " + ")), collapse = "\n")
  m2 <- paste(m1, sprintf("%s =~ %s", ref$second_order$name, paste(ref$second_order$dimensions, collapse = " + ")), sep = "\n")
  paths <- ref$paths
  m3 <- if (length(paths)) paste(m2, paste(apply(paths, 1, function(p) sprintf("%s ~ %s", p[1], p[2])), collapse = "\n"), sep = "\n") else NULL
  once <- function() {
    X <- raw[, items]; cc <- na.omit(X)
    describe(X); mardia(X, plot = FALSE); mahalanobis(cc, colMeans(cc), cov(cc))
    for (v in cons) psych::alpha(cc[, v], check.keys = FALSE, warnings = FALSE)
    f1 <- cfa(m1, data = raw); f2 <- cfa(m2, data = raw)
    compRelSEM(f1); AVE(f1); lavInspect(f1, "cor.lv"); htmt(m1, data = raw); htmt(m1, data = raw, htmt2 = FALSE)
    compRelSEM(f2, higher = ref$second_order$name); reliabilityL2(f2, ref$second_order$name)
    if (!is.null(m3)) { f3 <- sem(m3, data = raw); lavTestLRT(f1, f2, f3); standardizedSolution(f3) } else lavTestLRT(f1, f2)
  }
  once()
  t <- sapply(seq_len(reps), function(i) system.time(suppressWarnings(once()))[["elapsed"]])
  out[[name]] <- list(median_seconds = median(t), min_seconds = min(t), reps = reps)
  cat(sprintf("%-22s median %.3f s\n", name, median(t)))
}
out$versions <- list(lavaan = as.character(packageVersion("lavaan")), semTools = as.character(packageVersion("semTools")),
                     psych = as.character(packageVersion("psych")), R = paste(R.version$major, R.version$minor, sep = "."))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "bench/analyze-r.json")
