# Reference values for IccEdgeCasesTest: psych::ICC on ratings without residual variance.
# Run: Rscript libs/modeling/src/test/r/icc_edge_cases.R   (values are pasted into the test's comments)
suppressMessages(library(psych))
print(psych::ICC(cbind(c(1,2,3,4,5), c(1,2,3,4,5)), lmer=FALSE)$results[1:3,])  # identical readers
print(psych::ICC(cbind(c(1,2,3,4,5), c(2,3,4,5,6)), lmer=FALSE)$results[1:3,])  # reader B = reader A + 1
print(psych::ICC(cbind(c(2,2,2,2,2), c(2,2,2,2,2)), lmer=FALSE)$results[1:3,])  # constant feature
