# Reference values for org.radstream.modeling.icc.Icc: psych::ICC with the ANOVA mean squares
# (lmer = FALSE; with complete data lmer's REML estimates equal them unless a variance component
# would be negative).  Run from the repository root:  Rscript libs/modeling/src/test/r/icc.R
library(jsonlite); library(psych)
out <- "libs/modeling/src/test/resources/fixtures/icc.json"
cases <- list()
set.seed(5)
mk <- function(n, k, noise, bias) {
  truth <- rnorm(n, 50, 10)
  sapply(seq_len(k), function(j) round(truth + bias[j] + rnorm(n, 0, noise), 4))
}
sets <- list(mk(15, 2, 3, c(0, 1.5)), mk(15, 2, 12, c(0, 0)), mk(20, 3, 5, c(0, 2, -1)),
             mk(6, 4, 2, c(0, 0.5, 1, 1.5)),
             # shipped example: Shrout & Fleiss (1979) table 2
             matrix(c(9, 6, 8, 7, 10, 6, 2, 1, 4, 1, 5, 2, 5, 3, 6, 2, 6, 4, 8, 2, 9, 4, 7, 6), ncol = 4, byrow = TRUE))
for (m in sets) {
  r <- ICC(m, lmer = FALSE)$results
  res <- lapply(1:3, function(i) list(icc = r$ICC[i], F = r$F[i], df1 = r$df1[i], df2 = r$df2[i], p = r$p[i],
                                      lower = r[i, "lower bound"], upper = r[i, "upper bound"]))
  names(res) <- c("ICC1", "ICC2", "ICC3")
  cases[[length(cases) + 1]] <- list(call = "psych::ICC(m, lmer = FALSE)$results  # rows ICC1, ICC2, ICC3; alpha = 0.05",
                                     ratings = lapply(seq_len(nrow(m)), function(i) m[i, ]), results = res)
}
write_json(cases, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
