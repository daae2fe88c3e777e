package org.radstream.modeling.icc;

/**
 * The single-rater intraclass correlation forms of Shrout &amp; Fleiss (1979), named as McGraw &amp; Wong (1996)
 * and as psych::ICC labels them.
 */
public enum IccForm {
    /** ICC(1,1): one-way random effects, absolute agreement, single rater (psych "ICC1"). */
    ICC1_1("ICC(1,1) one-way random, absolute agreement, single rater"),
    /** ICC(2,1): two-way random effects, absolute agreement, single rater (psych "ICC2"). The default. */
    ICC2_1("ICC(2,1) two-way random, absolute agreement, single rater"),
    /** ICC(3,1): two-way mixed effects, consistency, single rater (psych "ICC3"). */
    ICC3_1("ICC(3,1) two-way mixed, consistency, single rater");

    private final String description;

    IccForm(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
