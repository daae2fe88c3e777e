package org.radstream.radiomics.features;

import java.util.function.ToDoubleFunction;

/**
 * One named feature of a family: the PyRadiomics name and the method computing it. {@code deprecated}
 * features are computed only when a parameter file names them (PyRadiomics' rule); {@code removed} ones
 * (method null) are accepted by name but, as in PyRadiomics, produce no value because they duplicate
 * another feature.
 */
public record Feature<T>(String name, ToDoubleFunction<T> method, boolean deprecated) {

    static <T> Feature<T> of(String name, ToDoubleFunction<T> method) {
        return new Feature<>(name, method, false);
    }

    static <T> Feature<T> deprecated(String name, ToDoubleFunction<T> method) {
        return new Feature<>(name, method, true);
    }

    static <T> Feature<T> removed(String name) {
        return new Feature<>(name, null, true);
    }

    public boolean removed() {
        return method == null;
    }
}
