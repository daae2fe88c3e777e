# Reference values for org.radstream.modeling.regression.LogisticRegression: R glm (binomial, logit),
# Wald SE, z, p, odds ratio and Wald 95% CI (confint.default, exp for the OR).
# Default glm.control() (epsilon 1e-8, maxit 25): LogisticRegression follows glm.fit step for step.
# Run from the repository root:  Rscript libs/modeling/src/test/r/glm.R
library(jsonlite)
out <- "libs/modeling/src/test/resources/fixtures/glm.json"
cases <- list()
set.seed(42)
gen <- function(n, beta, binary) {
  p <- length(beta) - 1
  x <- sapply(seq_len(p), function(j) if (j %in% binary) rbinom(n, 1, 0.35) else round(rnorm(n, 40 * (j == 1), 5 + j), 3))
  eta <- beta[1] + x %*% beta[-1]
  y <- rbinom(n, 1, plogis(eta))
  list(x = x, y = y)
}
sets <- list(gen(90, c(6, -0.15, 1.3, 0.05), binary = 2),    # clinical-like: ALB, multiple tumours, size
             gen(63, c(-0.4, 0.03, 0.9, -0.12, 0.2, 0.01), binary = c(2, 5)),
             gen(30, c(0.2, 0.02), binary = integer(0)))
for (d in sets) {
  df <- data.frame(d$x); df$y <- d$y
  fit <- glm(y ~ ., family = binomial, data = df, control = glm.control())
  s <- summary(fit)$coefficients
  ci <- confint.default(fit)
  cases[[length(cases) + 1]] <- list(
    call = "glm(y ~ ., family = binomial, data = df, control = glm.control()); summary(fit)$coefficients; exp(coef(fit)); exp(confint.default(fit))",
    x = lapply(seq_len(nrow(d$x)), function(i) d$x[i, ]), y = d$y,
    coef = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
    or = unname(exp(coef(fit))), or_low = unname(exp(ci[, 1])), or_high = unname(exp(ci[, 2])),
    deviance = fit$deviance, null_deviance = fit$null.deviance, aic = fit$aic)
}
write_json(cases, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
