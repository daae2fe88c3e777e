package org.radstream.imaging.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ordered list of {@link SequenceRule}s; the first matching rule decides. The defaults cover common
 * GE (FRFSE, SSFSE, LAVA, FSPGR) and Siemens (HASTE, BLADE, VIBE, Dixon, ep2d_diff) liver protocol names:
 * <pre>
 *   DWI   ANY       ( dwi | diff | diffusion | ep2d | adc | b\d{2,4} )
 *   AP    ANY       ( art | arterial | ap | hap | early | late art )
 *   PVP   ANY       ( pv | pvp | portal | venous | port )
 *   DP    ANY       ( delay | delayed | del | dp | equilibrium | late | transitional | \d min )
 *   T2WI  ANY       ( t2 | frfse | ssfse | fse | haste | blade | propeller | tse )
 *   T1WI  ABSENT    ( t1 | fspgr | lava | vibe | dixon | dual | opp | in | inphase | outphase | flash | thrive )
 *   DYN   REQUIRED  ( t1 | fspgr | lava | vibe | dyn | dynamic | thrive | flash | post | gd | c )   → by acquisition time
 * </pre>
 * The last line is a rule of the pseudo-sequence "DYN": contrast-enhanced T1 series whose names do
 * not say the phase; {@link SequenceIdentifier} orders them by acquisition time.
 */
public record SequenceRules(List<SequenceRule> rules, List<SequenceRule> unnamedPhaseRules) {

    public SequenceRules {
        rules = List.copyOf(rules);
        unnamedPhaseRules = List.copyOf(unnamedPhaseRules);
    }

    public static final SequenceRules DEFAULT = parse(List.of(
            "DWI ANY ( dwi | diff | diffusion | ep2d | adc | b\\d{2,4} )",
            "AP ANY ( art | arterial | ap | hap | early | late art )",
            "PVP ANY ( pv | pvp | portal | venous | port )",
            "DP ANY ( delay | delayed | del | dp | equilibrium | late | transitional | \\d+ ?min )",
            "T2WI ANY ( t2 | frfse | ssfse | fse | haste | blade | propeller | tse )",
            "T1WI ABSENT ( t1 | fspgr | lava | vibe | dixon | dual | opp | in | inphase | outphase | flash | thrive )",
            "DYN REQUIRED ( t1 | fspgr | lava | vibe | dyn | dynamic | thrive | flash | post | gd | c )"));

    /**
     * Parses rules, one per line {@code SEQUENCE CONTRAST REGEX} (blank lines and lines starting with
     * # ignored); SEQUENCE DYN marks an unnamed contrast phase to be ordered by time.
     */
    public static SequenceRules parse(List<String> lines) {
        List<SequenceRule> rules = new ArrayList<>();
        List<SequenceRule> dyn = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\\s+", 3);
            if (p.length < 3) {
                throw new IllegalArgumentException("rule line " + n + ": expected SEQUENCE CONTRAST REGEX, got \"" + line + "\"");
            }
            SequenceRule.Contrast c;
            try {
                c = SequenceRule.Contrast.valueOf(p[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule line " + n + ": contrast must be ANY, REQUIRED or ABSENT, got " + p[1], e);
            }
            if (p[0].equalsIgnoreCase("DYN")) {
                dyn.add(SequenceRule.of(MrSequence.AP, c, p[2]));
                continue;
            }
            MrSequence s;
            try {
                s = MrSequence.valueOf(p[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule line " + n + ": unknown sequence " + p[0], e);
            }
            rules.add(SequenceRule.of(s, c, p[2]));
        }
        return new SequenceRules(rules, dyn);
    }
}
