# Reference values for org.radstream.modeling.metrics: pROC 1.18 (AUC, DeLong CI, DeLong test of two
# correlated ROC curves, Youden threshold) and rms 6.5 val.prob (Brier, calibration intercept and slope),
# Hosmer-Lemeshow as ResourceSelection::hoslem.test defines it (written out below, g = 10).
# Direction is fixed to "<" (a higher score means the event), levels c(0, 1).
# Run from the repository root:  Rscript libs/modeling/src/test/r/proc.R
suppressMessages({library(jsonlite); library(pROC); library(rms)})
out <- "libs/modeling/src/test/resources/fixtures/proc.json"
set.seed(99)
mk <- function(n) {
  y <- rbinom(n, 1, 0.42)
  s1 <- round(0.9 * y + rnorm(n), 3)
  s2 <- round(0.5 * s1 + 0.6 * y + rnorm(n, 0, 0.8), 1)     # correlated, with ties
  list(y = y, s1 = s1, s2 = s2)
}
hl <- function(y, p, g = 10) {
  cutp <- cut(p, breaks = quantile(p, probs = seq(0, 1, 1 / g)), include.lowest = TRUE)
  obs <- xtabs(cbind(1 - y, y) ~ cutp); ex <- xtabs(cbind(1 - p, p) ~ cutp)
  chi <- sum((obs - ex)^2 / ex)
  list(statistic = chi, df = g - 2, p = 1 - pchisq(chi, g - 2))
}
cases <- list()
for (n in c(63, 27, 120)) {
  d <- mk(n)
  r1 <- roc(d$y, d$s1, levels = c(0, 1), direction = "<", quiet = TRUE)
  r2 <- roc(d$y, d$s2, levels = c(0, 1), direction = "<", quiet = TRUE)
  c1 <- ci.auc(r1, method = "delong"); c2 <- ci.auc(r2, method = "delong")
  t <- roc.test(r1, r2, method = "delong", paired = TRUE)
  b <- coords(r1, "best", best.method = "youden", ret = c("threshold", "specificity", "sensitivity"))
  prob <- plogis(-0.4 + 0.8 * d$s1)
  v <- val.prob(prob, d$y, pl = FALSE)
  cases[[length(cases) + 1]] <- list(
    y = d$y, s1 = d$s1, s2 = d$s2,
    auc_call = "r <- roc(y, s, levels = c(0, 1), direction = \"<\"); ci.auc(r, method = \"delong\")",
    auc1 = as.numeric(c1)[2], lo1 = as.numeric(c1)[1], hi1 = as.numeric(c1)[3],
    auc2 = as.numeric(c2)[2], lo2 = as.numeric(c2)[1], hi2 = as.numeric(c2)[3],
    test_call = "roc.test(r1, r2, method = \"delong\", paired = TRUE)",
    z = unname(t$statistic), p = t$p.value,
    youden_call = "coords(r1, \"best\", best.method = \"youden\", ret = c(\"threshold\", \"specificity\", \"sensitivity\"))",
    threshold = b$threshold, specificity = b$specificity, sensitivity = b$sensitivity,
    prob = prob,
    valprob_call = "rms::val.prob(prob, y, pl = FALSE) with prob = plogis(-0.4 + 0.8 * s1)",
    brier = unname(v["Brier"]), intercept = unname(v["Intercept"]), slope = unname(v["Slope"]),
    hl_call = "hoslem.test definition: cut(prob, quantile(prob, seq(0, 1, 0.1)), include.lowest = TRUE), g = 10",
    hl = hl(d$y, prob))
}
write_json(cases, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
