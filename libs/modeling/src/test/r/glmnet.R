# Reference values for org.radstream.modeling.regression.LassoLogistic: glmnet (binomial, alpha = 1,
# standardize = TRUE), its default lambda path, coefficients at given lambdas, and cv.glmnet with a fixed
# foldid (type.measure = "deviance"). thresh = 1e-14 so glmnet's answer is the exact minimiser of
# -loglik/n + lambda*||beta||_1 (on standardised x) to far below the 1e-4 tolerance.
# Run from the repository root:  Rscript libs/modeling/src/test/r/glmnet.R
library(jsonlite); library(glmnet)
out <- "libs/modeling/src/test/resources/fixtures/glmnet.json"
set.seed(2024)
n <- 63; p <- 15
x <- sapply(seq_len(p), function(j) round(rnorm(n, j, 0.5 + j / 3), 4))
x[, 4] <- round(x[, 3] * 0.8 + rnorm(n, 0, 0.5), 4)   # a correlated pair
eta <- -0.3 + 1.1 * (x[, 1] - 1) / 0.83 - 0.8 * (x[, 3] - 3) / 1.5 + 0.5 * (x[, 7] - 7) / 2.8
y <- rbinom(n, 1, plogis(eta))
fit <- glmnet(x, y, family = "binomial", thresh = 1e-14)
at <- fit$lambda[c(8, 15, 25, 40)]
single <- lapply(at, function(l) {
  f <- glmnet(x, y, family = "binomial", lambda = l, thresh = 1e-14)
  list(lambda = l, call = sprintf("coef(glmnet(x, y, family = \"binomial\", lambda = %.17g, thresh = 1e-14))", l),
       coef = unname(as.vector(coef(f))))
})
foldid <- rep(1:7, length.out = n)[sample(n)]
cv <- cv.glmnet(x, y, family = "binomial", foldid = foldid, thresh = 1e-14, type.measure = "deviance")
# the same path and cross-validation with glmnet's default thresh (1e-7), as the study's lambda choice runs
fit_default <- glmnet(x, y, family = "binomial")
cv_default <- cv.glmnet(x, y, family = "binomial", foldid = foldid, type.measure = "deviance")
res <- list(
  x = lapply(seq_len(n), function(i) x[i, ]), y = y,
  path_call = "glmnet(x, y, family = \"binomial\", thresh = 1e-14)$lambda",
  lambda = fit$lambda, dev_ratio = fit$dev.ratio, df = fit$df,
  at = single,
  cv_call = "cv.glmnet(x, y, family = \"binomial\", foldid = foldid, thresh = 1e-14, type.measure = \"deviance\")",
  foldid = foldid, cv_lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
  lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se,
  default_path_call = "glmnet(x, y, family = \"binomial\")",
  default_lambda = fit_default$lambda, default_dev_ratio = fit_default$dev.ratio, default_df = fit_default$df,
  default_cv_call = "cv.glmnet(x, y, family = \"binomial\", foldid = foldid, type.measure = \"deviance\")",
  default_cvm = cv_default$cvm, default_cvsd = cv_default$cvsd,
  default_lambda_min = cv_default$lambda.min, default_lambda_1se = cv_default$lambda.1se)
write_json(res, out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
