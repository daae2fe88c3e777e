package org.radstream.imaging.sequence;

/** The MRI sequences of the study (DESIGN §1); DWI is acquired but not used; UNKNOWN when no rule matches. */
public enum MrSequence {
    /** T1-weighted, unenhanced. */
    T1WI,
    /** T2-weighted. */
    T2WI,
    /** Arterial phase (contrast-enhanced T1). */
    AP,
    /** Portal venous phase. */
    PVP,
    /** Delayed phase. */
    DP,
    /** Diffusion-weighted (not used by the study). */
    DWI,
    UNKNOWN;

    /** The five sequences the study uses, in its order. */
    public static final java.util.List<MrSequence> STUDY = java.util.List.of(T1WI, T2WI, AP, PVP, DP);

    /** Whether this is one of the three contrast-enhanced phases. */
    public boolean isContrastPhase() {
        return this == AP || this == PVP || this == DP;
    }
}
