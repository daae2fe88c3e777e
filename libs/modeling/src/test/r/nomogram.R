# Reference values for org.radstream.modeling.nomogram.Nomogram: rms 6.5 lrm + nomogram (points per
# predictor value, total points -> risk). Predictors as the study: ALB (g/L), tumour number (single /
# multiple, a factor) and the mpMRI rad-score. Axis ranges from datadist (continuous: quantiles at
# 10/max(n, 200) and 1 - that; factors: their levels).
# Run from the repository root:  Rscript libs/modeling/src/test/r/nomogram.R
suppressMessages({library(jsonlite); library(rms)})
out <- "libs/modeling/src/test/resources/fixtures/nomogram.json"
cases <- list()
for (seed in c(3, 8)) {
  set.seed(seed)
  n <- 63
  alb <- round(rnorm(n, 40, 6), 1)
  multiple <- rbinom(n, 1, 0.2)
  radscore <- round(rnorm(n, 0, 1.2), 3)
  y <- rbinom(n, 1, plogis(2.5 - 0.07 * alb + 1.1 * multiple + 1.2 * radscore))
  d <- data.frame(alb = alb, tumor = factor(ifelse(multiple == 1, "multiple", "single"), levels = c("single", "multiple")),
                  radscore = radscore, y = y)
  dd <- datadist(d); options(datadist = "dd")
  fit <- lrm(y ~ alb + tumor + radscore, data = d)
  nom <- nomogram(fit, fun = plogis, funlabel = "Risk", fun.at = c(0.05, 0.1, 0.3, 0.5, 0.7, 0.9))
  cases[[length(cases) + 1]] <- list(
    call = "dd <- datadist(d); options(datadist = \"dd\"); fit <- lrm(y ~ alb + tumor + radscore, data = d); nom <- nomogram(fit, fun = plogis, funlabel = \"Risk\", fun.at = c(0.05, 0.1, 0.3, 0.5, 0.7, 0.9))",
    alb = alb, multiple = multiple, radscore = radscore, y = y,
    coef = unname(coef(fit)),
    alb_x = nom$alb$alb, alb_points = nom$alb$points,
    tumor_x = as.character(nom$tumor$tumor), tumor_points = nom$tumor$points,
    radscore_x = nom$radscore$radscore, radscore_points = nom$radscore$points,
    risk_points = nom$Risk$x, risk_prob = nom$Risk$x.real)
}
write_json(cases, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
