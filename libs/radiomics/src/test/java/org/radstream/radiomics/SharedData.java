package org.radstream.radiomics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/** Locates ../shared (system property {@code radstream.shared.dir}, else ../shared from the repository root). */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        String p = System.getProperty("radstream.shared.dir");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("../shared/refdata"))) {
                return d.resolve("../shared").normalize();
            }
        }
        throw new IllegalStateException("cannot find the shared directory from " + here);
    }

    public static Path refdata(String rel) {
        return dir().resolve("refdata").resolve(rel);
    }

    /** The IBSI-1 digital phantom from its plain-text form (dims 5 4 4, spacing 2 mm, x fastest). */
    public static Volume phantomImage() throws IOException {
        return new Volume(phantomGeometry(), toFloat(phantomColumn(3)));
    }

    public static LabelMap phantomMask() throws IOException {
        return new LabelMap(phantomGeometry(), phantomColumn(4));
    }

    private static Geometry phantomGeometry() {
        return Geometry.of(5, 4, 4, 2, 2, 2);
    }

    private static int[] phantomColumn(int col) throws IOException {
        List<String> lines = Files.readAllLines(refdata("ibsi1/phantom_voxels.csv"));
        int[] out = new int[80];
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            int x = Integer.parseInt(f[0]);
            int y = Integer.parseInt(f[1]);
            int z = Integer.parseInt(f[2]);
            out[x + 5 * y + 20 * z] = Integer.parseInt(f[col]);
        }
        return out;
    }

    private static float[] toFloat(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }
}
