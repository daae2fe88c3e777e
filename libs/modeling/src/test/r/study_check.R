# Outside check of a whole `radstream analyze` run, as the acceptance test describes it: from the input CSVs
# and our analysis.json (for the split, the reported lambda / candidates / coefficients and standardisation),
# R recomputes
#   - ICC(2,1) with 95% CI per feature and sequence (psych::ICC, lmer = FALSE)
#   - every rad-score from the raw features (intercept + sum beta * (x - mean)/sd), then AUC + DeLong CI per
#     model and cohort (pROC, direction "<")
#   - glmnet at the reported lambda on the reported candidates (training cohort, thresh = 1e-14)
#   - the glm refit on the selected features (models whose refit is "glm")
#   - the clinical multivariate glm on the training split (OR, Wald CI, p)
#   - the nomogram's logistic model and its rms::nomogram points
# and writes them to fixtures/study_check.json, which StudyAnalysisAgainstRTest compares with a fresh run.
# Inputs: fixtures/study/*.csv written by SyntheticStudy.write(dir, 5); analysis.json from
#   radstream analyze --features F/features_a.csv --features-reader-b F/features_b.csv \
#     --clinical F/clinical.csv --outcomes F/outcomes.csv --out OUT --seed 7
# Run from the repository root:  Rscript libs/modeling/src/test/r/study_check.R OUT/analysis.json
# (other data: Rscript .../study_check.R OUT/analysis.json INPUT_DIR RESULT.json, INPUT_DIR holding
#  features_a.csv, features_b.csv, clinical.csv, outcomes.csv)
suppressMessages({library(jsonlite); library(psych); library(pROC); library(glmnet); library(rms)})
args <- commandArgs(trailingOnly = TRUE)
an <- fromJSON(args[1], simplifyVector = FALSE)
fx <- if (length(args) >= 2) args[2] else "libs/modeling/src/test/resources/fixtures/study"
out <- if (length(args) >= 3) args[3] else "libs/modeling/src/test/resources/fixtures/study_check.json"
fa <- read.csv(file.path(fx, "features_a.csv"), check.names = FALSE, stringsAsFactors = FALSE)
fb <- read.csv(file.path(fx, "features_b.csv"), check.names = FALSE, stringsAsFactors = FALSE)
cl <- read.csv(file.path(fx, "clinical.csv"), stringsAsFactors = FALSE)
oc <- read.csv(file.path(fx, "outcomes.csv"), stringsAsFactors = FALSE)
ids <- sort(oc$caseId)
y <- setNames(oc$early_recurrence, oc$caseId)[ids]
split <- unlist(an$split)[ids]
train <- ids[split == "train"]; valid <- ids[split == "validation"]

# ICC per feature
icc <- list()
for (s in names(an$icc)) {
  a <- fa[fa$sequence == s, ]; b <- fb[fb$sequence == s, ]
  rownames(a) <- a$caseId; rownames(b) <- b$caseId
  paired <- sort(b$caseId)
  icc[[s]] <- list()
  for (f in names(an$icc[[s]])) {
    r <- ICC(cbind(a[paired, f], b[paired, f]), lmer = FALSE)$results
    icc[[s]][[f]] <- list(icc = r$ICC[2], ci_low = r[2, "lower bound"], ci_high = r[2, "upper bound"])
  }
}

# raw feature value of a prefixed name for a set of cases
raw <- function(name, cases) {
  s <- sub("_.*$", "", name); f <- sub("^[^_]*_", "", name)
  d <- fa[fa$sequence == s, ]; rownames(d) <- d$caseId
  d[cases, f]
}
z <- function(name, cases) {
  st <- an$standardization[[name]]
  (raw(name, cases) - st$mean) / st$sd
}
radscore <- function(coef, cases) {
  s <- rep(coef[["(Intercept)"]], length(cases))
  for (f in setdiff(names(coef), "(Intercept)")) s <- s + coef[[f]] * z(f, cases)
  s
}
aucs <- function(score, cases) {
  r <- roc(y[cases], score, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- as.numeric(ci.auc(r, method = "delong"))
  list(value = ci[2], ci_low = ci[1], ci_high = ci[3])
}

models <- list()
for (m in c("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI")) {
  mm <- an$models[[m]]
  coef <- mm$coefficients
  sc <- radscore(coef, ids)
  cand <- unlist(mm$steps$lasso$candidates)
  X <- sapply(cand, function(f) z(f, train))
  fit <- glmnet(X, y[train], family = "binomial", lambda = mm$lambda, thresh = 1e-14)
  lc <- as.vector(coef(fit)); names(lc) <- c("(Intercept)", cand)
  res <- list(scores = as.list(setNames(sc, ids)),
              auc = list(train = aucs(sc[split == "train"], train), validation = aucs(sc[split == "validation"], valid)),
              glmnet = as.list(lc), refit = mm$refit)
  if (mm$refit == "glm") {
    sel <- setdiff(names(coef), "(Intercept)")
    d <- data.frame(sapply(sel, function(f) z(f, train))); names(d) <- sel; d$y <- y[train]
    g <- glm(y ~ ., family = binomial, data = d, control = glm.control())
    res$glm <- setNames(as.list(unname(coef(g))), c("(Intercept)", sel))
  }
  models[[m]] <- res
}

# clinical encodings as ClinicalTable documents them
enc <- data.frame(caseId = cl$caseId, alb = cl$alb, age = cl$age, afp = cl$afp, alt = cl$alt, ast = cl$ast,
                  tbil = cl$tbil, tumor_size_cm = cl$tumor_size_cm,
                  sex_male = as.numeric(toupper(cl$sex) %in% c("M", "MALE", "1")),
                  hbsag_positive = as.numeric(tolower(cl$hbsag) %in% c("positive", "pos", "yes", "y", "true", "1", "+")),
                  child_pugh_b = as.numeric(substr(toupper(cl$child_pugh), 1, 1) == "B"),
                  cirrhosis = as.numeric(tolower(cl$cirrhosis) %in% c("positive", "pos", "yes", "y", "true", "1", "+")),
                  tumor_multiple = as.numeric(cl$tumor_number >= 2))
rownames(enc) <- enc$caseId
vars <- names(an$clinical$multivariate)
d <- enc[train, vars, drop = FALSE]; d$y <- y[train]
g <- glm(y ~ ., family = binomial, data = d, control = glm.control())
ci <- exp(confint.default(g)); s <- summary(g)$coefficients
clin <- lapply(vars, function(v) list(or = unname(exp(coef(g))[v]), ci_low = unname(ci[v, 1]), ci_high = unname(ci[v, 2]),
                                      p = unname(s[v, 4])))
names(clin) <- vars
csc <- as.vector(model.matrix(~ ., enc[ids, vars, drop = FALSE]) %*% coef(g))
clinical_auc <- list(train = aucs(csc[split == "train"], train), validation = aucs(csc[split == "validation"], valid))

# nomogram: ALB + tumour number + the nomogram's rad-score
nrs <- radscore(an$nomogram$radscore_coefficients, ids)
nd <- data.frame(alb = enc[ids, "alb"], tumor_multiple = enc[ids, "tumor_multiple"], radscore_mpMRI = nrs)
ndt <- nd[split == "train", ]; ndt$y <- y[train]
ng <- glm(y ~ alb + tumor_multiple + radscore_mpMRI, family = binomial, data = ndt, control = glm.control())
nlp <- as.vector(model.matrix(~ alb + tumor_multiple + radscore_mpMRI, nd) %*% coef(ng))
ndt$tumor <- factor(ifelse(ndt$tumor_multiple == 1, "multiple", "single"), levels = c("single", "multiple"))
dd <- datadist(ndt); options(datadist = "dd")
lf <- lrm(y ~ alb + tumor + radscore_mpMRI, data = ndt)
nom <- nomogram(lf)
res <- list(
  call = "Rscript libs/modeling/src/test/r/study_check.R OUT/analysis.json (see header)",
  icc = icc, models = models,
  clinical = list(multivariate = clin, auc = clinical_auc),
  nomogram = list(coefficients = setNames(as.list(unname(coef(ng))), c("(Intercept)", "alb", "tumor_multiple", "radscore_mpMRI")),
                  auc = list(train = aucs(nlp[split == "train"], train), validation = aucs(nlp[split == "validation"], valid)),
                  probability = as.list(setNames(plogis(nlp), ids)),
                  alb_x = nom$alb$alb, alb_points = nom$alb$points,
                  radscore_x = nom$radscore_mpMRI$radscore_mpMRI, radscore_points = nom$radscore_mpMRI$points,
                  tumor_x = as.character(nom$tumor$tumor), tumor_points = nom$tumor$points))
write_json(res, out, auto_unbox = TRUE, digits = NA, pretty = FALSE)
cat("wrote", out, "\n")
