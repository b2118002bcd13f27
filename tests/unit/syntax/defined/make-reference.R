# lavaan 0.6.14 reference for defined parameters (:=) with the functions and operators isrs
# evaluates itself (src/sem/expr). Run from the repository root:
#   Rscript tests/unit/syntax/defined/make-reference.R
# Writes tests/unit/syntax/defined/lavaan.json: parameterEstimates() rows of every := row.
library(lavaan)
library(jsonlite)
stopifnot(packageVersion("lavaan") == "0.6.14")
out <- "tests/unit/syntax/defined"
data <- read.csv("tests/parity/lavaan-0.6.14/hs-cfa-ml/data.csv")
model <- readLines(file.path(out, "model.lav"))
fit <- cfa(paste(model, collapse = "\n"), data = data)
pe <- parameterEstimates(fit, standardized = TRUE)
def <- pe[pe$op == ":=", c("lhs", "op", "rhs", "est", "se", "z", "pvalue", "std.lv", "std.all")]
json <- list(
  lavaan_version = as.character(packageVersion("lavaan")),
  call = "cfa(model, data = HS data.csv), parameterEstimates(fit, standardized = TRUE)",
  defined = def
)
writeLines(toJSON(json, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), file.path(out, "lavaan.json"))
