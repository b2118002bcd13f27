# lavaan 0.6.14's time for 1,000 bootstrap draws of the Holzinger-Swineford three-factor CFA,
# in process (data frame already in memory), as the benchmark's reference for the bootstrap
# case. Usage (from the project root): Rscript bench/lavaan-bootstrap.R [reps]
# Writes bench/lavaan-bootstrap.json with every timed run, the median and the load average.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) > 0) as.integer(args[1]) else 3L
dat <- read.csv("datasets/holzinger-swineford-1939/data.csv")
model <- paste(readLines("datasets/holzinger-swineford-1939/three-factor.lav"), collapse = "\n")
load <- function() as.numeric(strsplit(readLines("/proc/loadavg"), " ")[[1]][1:3])
load_start <- load()
secs <- sapply(seq_len(reps), function(i) system.time(
  cfa(model, data = dat, se = "bootstrap", bootstrap = 1000L, iseed = 1000L + i))[["elapsed"]])
out <- list(
  case = "hs-cfa-bootstrap-1000", lavaan_version = as.character(packageVersion("lavaan")),
  R_version = as.character(getRversion()), date = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  call = 'cfa(model, data = dat, se = "bootstrap", bootstrap = 1000L, iseed = 1000L + i)',
  seconds = secs, lavaan_seconds_median = median(secs),
  load_average_start = load_start, load_average_end = load(), cpus = parallel::detectCores())
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "bench/lavaan-bootstrap.json")
cat(sprintf("median %.1f s over %d runs\n", median(secs), reps))
