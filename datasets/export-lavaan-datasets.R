# Exports the two classic datasets bundled with the lavaan R package to CSV.
# Usage (from the datasets/ folder): Rscript export-lavaan-datasets.R
suppressPackageStartupMessages(library(lavaan))
cat("lavaan", as.character(packageVersion("lavaan")), "\n")
write.csv(HolzingerSwineford1939, "holzinger-swineford-1939/data.csv", row.names = FALSE, na = "")
write.csv(PoliticalDemocracy, "political-democracy/data.csv", row.names = FALSE, na = "")
# check that the files read back to the same values
hs <- read.csv("holzinger-swineford-1939/data.csv")
pd <- read.csv("political-democracy/data.csv")
stopifnot(nrow(hs) == 301, ncol(hs) == 15, nrow(pd) == 75, ncol(pd) == 11)
num <- setdiff(names(hs), "school")
stopifnot(isTRUE(all.equal(hs[num], HolzingerSwineford1939[num], tolerance = 1e-14, check.attributes = FALSE)))
stopifnot(identical(hs$school, as.character(HolzingerSwineford1939$school)))
stopifnot(isTRUE(all.equal(pd, PoliticalDemocracy, tolerance = 1e-14, check.attributes = FALSE)))
cat("rows:", nrow(hs), nrow(pd), "\n")
