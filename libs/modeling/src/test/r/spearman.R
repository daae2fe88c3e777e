# Reference values for org.radstream.modeling.selection.SpearmanRedundancy: Spearman correlations (with ties)
# from R's cor(method = "spearman"), and the kept set of the redundancy rule written out in R: visit features by
# ascending p then name, keep one unless |rho| > 0.9 with a feature already kept.
# Run from the repository root:  Rscript libs/modeling/src/test/r/spearman.R
library(jsonlite)
out <- "libs/modeling/src/test/resources/fixtures/spearman.json"
set.seed(17)
n <- 40
a <- round(rnorm(n), 1)
x <- cbind(f1 = a, f2 = round(a + rnorm(n, 0, 0.15), 1), f3 = round(rnorm(n), 1), f4 = round(-a + rnorm(n, 0, 0.1), 2),
           f5 = round(rnorm(n) + a / 2, 2))
p <- c(f1 = 0.01, f2 = 0.004, f3 = 0.03, f4 = 0.004, f5 = 0.2)
rho <- cor(x, method = "spearman")
ord <- order(p, names(p))
kept <- character(0)
for (j in names(p)[ord]) if (all(abs(rho[j, kept]) <= 0.9)) kept <- c(kept, j)
write_json(list(call = "cor(x, method = \"spearman\"); greedy keep by (p, name) with |rho| <= 0.9",
                x = lapply(colnames(x), function(k) x[, k]), names = colnames(x), p = unname(p),
                rho = lapply(seq_len(ncol(x)), function(i) rho[i, ]), kept = kept),
           out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
