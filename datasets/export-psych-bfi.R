# Exports the bfi data (25 personality items, 2,800 respondents, real missing values) from the
# psych R package to CSV. Usage (from the datasets/ folder): Rscript export-psych-bfi.R
suppressPackageStartupMessages(library(psych))
cat("psych", as.character(packageVersion("psych")), "\n")
data(bfi, package = "psych")
out <- data.frame(id = rownames(bfi), bfi, check.names = FALSE)
write.csv(out, "big-five-inventory/data.csv", row.names = FALSE, na = "")
back <- read.csv("big-five-inventory/data.csv", colClasses = c(id = "character"))
stopifnot(nrow(back) == 2800, ncol(back) == 29)
stopifnot(isTRUE(all.equal(back[names(bfi)], bfi, check.attributes = FALSE)))
stopifnot(identical(back$id, rownames(bfi)))
cat("rows:", nrow(back), " missing cells in the 25 items:", sum(is.na(back[, 2:26])), "\n")
