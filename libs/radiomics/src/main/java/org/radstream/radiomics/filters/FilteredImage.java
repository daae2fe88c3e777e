package org.radstream.radiomics.filters;

import org.radstream.imaging.Volume;

/** A derived image and its PyRadiomics image-type name ({@code wavelet-LLH}, {@code log-sigma-2-0-mm-3D}, ...). */
public record FilteredImage(String name, Volume image) {
}
