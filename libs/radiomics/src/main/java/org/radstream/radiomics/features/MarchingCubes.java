package org.radstream.radiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-surface of a binary mask at level 0.5 by marching cubes (Lorensen &amp; Cline 1987), as PyRadiomics'
 * shape class uses it: every vertex lies at the midpoint of a lattice edge whose two voxels differ.
 *
 * <p>The triangle table is generated here rather than typed in: for each of the 128 corner states with
 * corner 7 outside, the crossings on each cube face are joined so that inside corners which touch only
 * diagonally are kept apart; the resulting loops are oriented with the normal pointing from inside to
 * outside and fanned into triangles. States with corner 7 inside reuse their complement's triangles with
 * the orientation reversed, which is how PyRadiomics halves its table (and how it resolves ambiguous faces). Volume is the sum of
 * signed tetrahedra {@code (a × b)·c / 6} (exact for a closed mesh), area the sum of triangle areas; both may
 * differ slightly from PyRadiomics' hand-made table where a loop is not planar.
 */
final class MarchingCubes {
    /** Corner k of the unit cube is (z, y, x) = (k >> 2 &amp; 1, k >> 1 &amp; 1, k &amp; 1). */
    private static final int[][] EDGES = new int[12][];
    /** Triangles per corner state, as edge-index triples. */
    static final int[][] TRIANGLES = new int[256][];

    static {
        int e = 0;
        for (int a = 0; a < 8; a++) {
            for (int bit = 0; bit < 3; bit++) {
                int b = a | (1 << bit);
                if (b != a) {
                    EDGES[e++] = new int[] {a, b};
                }
            }
        }
        for (int cfg = 0; cfg < 128; cfg++) {
            TRIANGLES[cfg] = triangulate(cfg);
        }
        // as PyRadiomics: a state with corner 7 inside uses its complement's surface, reversed, so on an
        // ambiguous face the outside corners are kept apart there (and the inside ones joined)
        for (int cfg = 128; cfg < 256; cfg++) {
            int[] t = TRIANGLES[cfg ^ 0xFF];
            int[] r = new int[t.length];
            for (int i = 0; i < t.length; i += 3) {
                r[i] = t[i];
                r[i + 1] = t[i + 2];
                r[i + 2] = t[i + 1];
            }
            TRIANGLES[cfg] = r;
        }
    }

    static double[] midpoint(int edge) {
        int a = EDGES[edge][0];
        int b = EDGES[edge][1];
        return new double[] {((a >> 2 & 1) + (b >> 2 & 1)) / 2.0, ((a >> 1 & 1) + (b >> 1 & 1)) / 2.0,
            ((a & 1) + (b & 1)) / 2.0};
    }

    private static int edgeOf(int a, int b) {
        for (int e = 0; e < 12; e++) {
            if ((EDGES[e][0] == a && EDGES[e][1] == b) || (EDGES[e][0] == b && EDGES[e][1] == a)) {
                return e;
            }
        }
        throw new IllegalStateException();
    }

    /** The 6 faces as corner cycles. */
    private static int[][] faces() {
        List<int[]> f = new ArrayList<>();
        for (int bit = 0; bit < 3; bit++) {
            int u = 1 << ((bit + 1) % 3);
            int v = 1 << ((bit + 2) % 3);
            for (int side = 0; side < 2; side++) {
                int base = side << bit;
                f.add(new int[] {base, base | u, base | u | v, base | v});
            }
        }
        return f.toArray(new int[0][]);
    }

    private static int[] triangulate(int cfg) {
        if (cfg == 0 || cfg == 255) {
            return new int[0];
        }
        int[][] link = new int[12][2];
        int[] linkCount = new int[12];
        for (int[] face : faces()) {
            // runs of inside corners along the cycle: join the crossing entering a run to the one leaving it
            for (int k = 0; k < 4; k++) {
                int q = face[k];
                int prev = face[(k + 3) % 4];
                if (inside(cfg, q) && !inside(cfg, prev)) {
                    int entry = edgeOf(prev, q);
                    int m = k;
                    while (inside(cfg, face[(m + 1) % 4])) {
                        m = (m + 1) % 4;
                    }
                    int exit = edgeOf(face[m], face[(m + 1) % 4]);
                    link[entry][linkCount[entry]++] = exit;
                    link[exit][linkCount[exit]++] = entry;
                }
            }
        }
        List<Integer> tris = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int start = 0; start < 12; start++) {
            if (linkCount[start] == 0 || used[start]) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            int prev = -1;
            int cur = start;
            while (!used[cur]) {
                used[cur] = true;
                loop.add(cur);
                int next = link[cur][0] != prev ? link[cur][0] : link[cur][1];
                if (linkCount[cur] == 2 && link[cur][0] == link[cur][1]) {
                    next = link[cur][0];
                }
                prev = cur;
                cur = next;
            }
            orient(cfg, loop);
            for (int t = 1; t + 1 < loop.size(); t++) {
                tris.add(loop.get(0));
                tris.add(loop.get(t));
                tris.add(loop.get(t + 1));
            }
        }
        return tris.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean inside(int cfg, int corner) {
        return (cfg >> corner & 1) != 0;
    }

    /** Reverses the loop unless its normal (Newell) points from its inside corners to its outside corners. */
    private static void orient(int cfg, List<Integer> loop) {
        double[] n = new double[3];
        double[] out = new double[3];
        for (int k = 0; k < loop.size(); k++) {
            double[] p = midpoint(loop.get(k));
            double[] q = midpoint(loop.get((k + 1) % loop.size()));
            n[0] += (p[1] - q[1]) * (p[2] + q[2]);
            n[1] += (p[2] - q[2]) * (p[0] + q[0]);
            n[2] += (p[0] - q[0]) * (p[1] + q[1]);
            int[] ed = EDGES[loop.get(k)];
            int in = inside(cfg, ed[0]) ? ed[0] : ed[1];
            int ou = in == ed[0] ? ed[1] : ed[0];
            out[0] += (ou >> 2 & 1) - (in >> 2 & 1);
            out[1] += (ou >> 1 & 1) - (in >> 1 & 1);
            out[2] += (ou & 1) - (in & 1);
        }
        if (n[0] * out[0] + n[1] * out[1] + n[2] * out[2] < 0) {
            java.util.Collections.reverse(loop);
        }
    }

    /** Mesh volume, surface area and the lattice-edge midpoints (diameter vertices) of a mask. */
    record Mesh(double volume, double area, double[] vertices) {
    }

    /**
     * @param mask ROI voxels, x fastest, grid (nz, ny, nx); voxels outside the grid count as background
     * @param sz spacing along z, {@code sy}, {@code sx} likewise (mm)
     */
    static Mesh compute(boolean[] mask, int nx, int ny, int nz, double sz, double sy, double sx) {
        double vol = 0;
        double area = 0;
        double[] sp = {sz, sy, sx};
        double[][] mid = new double[12][];
        for (int e = 0; e < 12; e++) {
            mid[e] = midpoint(e);
        }
        double[] a = new double[3];
        double[] b = new double[3];
        double[] c = new double[3];
        for (int z = -1; z < nz; z++) {
            for (int y = -1; y < ny; y++) {
                for (int x = -1; x < nx; x++) {
                    int cfg = 0;
                    for (int k = 0; k < 8; k++) {
                        if (at(mask, nx, ny, nz, x + (k & 1), y + (k >> 1 & 1), z + (k >> 2 & 1))) {
                            cfg |= 1 << k;
                        }
                    }
                    int[] t = TRIANGLES[cfg];
                    for (int i = 0; i < t.length; i += 3) {
                        for (int d = 0; d < 3; d++) {
                            double o = d == 0 ? z : d == 1 ? y : x;
                            a[d] = (o + mid[t[i]][d]) * sp[d];
                            b[d] = (o + mid[t[i + 1]][d]) * sp[d];
                            c[d] = (o + mid[t[i + 2]][d]) * sp[d];
                        }
                        vol += (a[1] * b[2] - b[1] * a[2]) * c[0] + (a[2] * b[0] - b[2] * a[0]) * c[1]
                                + (a[0] * b[1] - b[0] * a[1]) * c[2];
                        double ux = a[0] - c[0];
                        double uy = a[1] - c[1];
                        double uz = a[2] - c[2];
                        double vx = b[0] - c[0];
                        double vy = b[1] - c[1];
                        double vz = b[2] - c[2];
                        double cx = uy * vz - vy * uz;
                        double cy = uz * vx - vz * ux;
                        double cz = ux * vy - vx * uy;
                        area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
                    }
                }
            }
        }
        // vertices: midpoints of lattice edges between a ROI voxel and a background voxel
        double[] v = new double[64];
        int nv = 0;
        for (int z = -1; z < nz; z++) {
            for (int y = -1; y < ny; y++) {
                for (int x = -1; x < nx; x++) {
                    boolean here = at(mask, nx, ny, nz, x, y, z);
                    for (int d = 0; d < 3; d++) {
                        int x2 = x + (d == 2 ? 1 : 0);
                        int y2 = y + (d == 1 ? 1 : 0);
                        int z2 = z + (d == 0 ? 1 : 0);
                        if (here != at(mask, nx, ny, nz, x2, y2, z2)) {
                            if (nv + 3 > v.length) {
                                v = java.util.Arrays.copyOf(v, v.length * 2);
                            }
                            v[nv++] = (z + (z2 - z) / 2.0) * sz;
                            v[nv++] = (y + (y2 - y) / 2.0) * sy;
                            v[nv++] = (x + (x2 - x) / 2.0) * sx;
                        }
                    }
                }
            }
        }
        return new Mesh(Math.abs(vol) / 6, area, java.util.Arrays.copyOf(v, nv));
    }

    static boolean at(boolean[] mask, int nx, int ny, int nz, int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && mask[x + nx * (y + ny * z)];
    }
}
