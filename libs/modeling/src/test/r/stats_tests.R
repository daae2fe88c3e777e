# Reference values for org.radstream.modeling.stats (t, ANOVA, Mann-Whitney, chi-square, Fisher).
# Run from the repository root:  Rscript libs/modeling/src/test/r/stats_tests.R
# Writes libs/modeling/src/test/resources/fixtures/stats_tests.json. R 4.2 (stats package only).
library(jsonlite)
out <- "libs/modeling/src/test/resources/fixtures/stats_tests.json"
cases <- list()
add <- function(kind, call, data, res) {
  cases[[length(cases) + 1]] <<- c(list(kind = kind, call = call), data, res)
}
set.seed(11)
x <- round(rnorm(17, 10, 2), 3); y <- round(rnorm(23, 11.5, 3.5), 3)
for (ve in c(TRUE, FALSE)) {
  r <- t.test(x, y, var.equal = ve)
  add(if (ve) "student" else "welch", sprintf("t.test(x, y, var.equal = %s)", ve),
      list(x = x, y = y), list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value))
}
g <- list(round(rnorm(12, 5, 1), 2), round(rnorm(15, 5.8, 1), 2), round(rnorm(9, 5.2, 1.3), 2))
v <- unlist(g); f <- factor(rep(seq_along(g), lengths(g)))
s <- summary(aov(v ~ f))[[1]]
add("anova", "summary(aov(v ~ f)) with v = unlist(groups), f = factor(group index)",
    list(groups = g), list(statistic = s[["F value"]][1], df1 = s$Df[1], df2 = s$Df[2], p = s[["Pr(>F)"]][1]))
# Mann-Whitney: exact (small, no ties), normal with ties + continuity correction, large without ties
mw <- list(
  list(x = round(rnorm(8, 0, 1), 4), y = round(rnorm(11, 1, 1), 4)),
  list(x = c(1, 2, 2, 3, 3, 3, 5, 7, 8), y = c(2, 3, 4, 4, 5, 6, 6, 7, 9, 9, 10)),
  list(x = round(rnorm(60, 0, 1), 5), y = round(rnorm(55, 0.4, 1), 5)),
  list(x = round(rnorm(30, 0, 1), 5), y = round(rnorm(7, 0.9, 1), 5)))
for (d in mw) {
  r <- suppressWarnings(wilcox.test(d$x, d$y))
  add("mannwhitney", "wilcox.test(x, y)  # defaults: exact if n<50 and no ties, else normal with correct=TRUE",
      d, list(statistic = unname(r$statistic), p = r$p.value))
}
tabs <- list(matrix(c(12, 5, 9, 16), 2), matrix(c(3, 9, 11, 4), 2), matrix(c(10, 20, 15, 12, 8, 25), 2))
for (t in tabs) {
  r <- suppressWarnings(chisq.test(t))
  add("chisq", "chisq.test(t)  # Yates continuity correction for 2x2 (R default)",
      list(table = lapply(seq_len(nrow(t)), function(i) t[i, ])),
      list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value))
}
for (t in tabs[1:2]) {
  r <- fisher.test(t)
  add("fisher", "fisher.test(t)$p.value",
      list(table = lapply(seq_len(nrow(t)), function(i) t[i, ])), list(p = r$p.value))
}
t <- matrix(c(2, 7, 9, 1), 2)
add("fisher", "fisher.test(t)$p.value", list(table = lapply(1:2, function(i) t[i, ])), list(p = fisher.test(t)$p.value))
write_json(cases, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
