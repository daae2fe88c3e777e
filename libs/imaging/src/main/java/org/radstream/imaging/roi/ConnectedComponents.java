package org.radstream.imaging.roi;

import java.util.ArrayList;
import java.util.List;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;

/**
 * Connected components of a ROI (breadth-first flood fill), so disconnected ROIs are reported rather
 * than silently measured as one. 26-connectivity by default, like PyRadiomics' VolumeNum diagnostic
 * (SimpleITK ConnectedComponent, fully connected); 6-connectivity optional.
 *
 * @param labels components numbered 1…n by decreasing size (ties: first voxel in x-fastest order)
 * @param sizes  voxel count of component i+1
 */
public record ConnectedComponents(LabelMap labels, List<Integer> sizes) {

    public enum Connectivity { FACE_6, FULL_26 }

    public int count() {
        return sizes.size();
    }

    public static ConnectedComponents of(LabelMap mask, int label) {
        return of(mask, label, Connectivity.FULL_26);
    }

    public static ConnectedComponents of(LabelMap mask, int label, Connectivity connectivity) {
        Geometry g = mask.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] in = mask.labels();
        int[] comp = new int[in.length];
        List<int[]> members = new ArrayList<>();
        int[] queue = new int[in.length];
        int next = 0;
        for (int start = 0; start < in.length; start++) {
            if (in[start] != label || comp[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            comp[start] = next;
            while (head < tail) {
                int v = queue[head++];
                int i = v % nx;
                int j = (v / nx) % ny;
                int k = v / (nx * ny);
                for (int dk = -1; dk <= 1; dk++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        for (int di = -1; di <= 1; di++) {
                            int manhattan = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
                            if (manhattan == 0 || (connectivity == Connectivity.FACE_6 && manhattan > 1)) {
                                continue;
                            }
                            int a = i + di;
                            int b = j + dj;
                            int c = k + dk;
                            if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) {
                                continue;
                            }
                            int w = a + nx * (b + ny * c);
                            if (in[w] == label && comp[w] == 0) {
                                comp[w] = next;
                                queue[tail++] = w;
                            }
                        }
                    }
                }
            }
            members.add(new int[] {next, tail});
        }
        // renumber by decreasing size (stable: earlier-found first on ties)
        List<int[]> order = new ArrayList<>(members);
        order.sort((x, y) -> Integer.compare(y[1], x[1]));
        int[] newId = new int[next + 1];
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            newId[order.get(r)[0]] = r + 1;
            sizes.add(order.get(r)[1]);
        }
        for (int i = 0; i < comp.length; i++) {
            comp[i] = newId[comp[i]];
        }
        return new ConnectedComponents(new LabelMap(g, comp), List.copyOf(sizes));
    }
}
