# The reference for the whole-command benchmark (bench/lib/startup.js): what `isrs fit` does, in
# one Rscript process: load lavaan, read the CSV, fit, print the summary with the fit measures.
# Usage (from the project root): Rscript bench/lavaan-whole-command.R DATA.csv MODEL.lav cfa|sem [BOOTSTRAP]
# With BOOTSTRAP, standard errors by that many nonparametric bootstrap draws (lavaan's
# se = "bootstrap"; lavaan's default percentile intervals, no BCa jackknife).
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
dat <- read.csv(args[1])
model <- paste(readLines(args[2]), collapse = "\n")
fun <- switch(args[3], cfa = cfa, sem = sem, stop("the third argument is cfa or sem"))
fit <- if (length(args) >= 4) {
  fun(model, data = dat, se = "bootstrap", bootstrap = as.integer(args[4]), iseed = 1L)
} else {
  fun(model, data = dat)
}
summary(fit, fit.measures = TRUE)
