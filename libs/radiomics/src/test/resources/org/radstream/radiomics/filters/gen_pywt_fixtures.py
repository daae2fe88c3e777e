#!/usr/bin/python3
"""Writes the PyWavelets reference fixtures WaveletFamiliesTest compares against.

Run from this directory with Debian's PyWavelets (apt-get install python3-pywt; pywt 1.1.1, numpy 1.24):
    /usr/bin/python3 gen_pywt_fixtures.py
It writes
  pywt-filters.tsv : name, dec_lo, dec_hi of every wavelet in pywt.wavelist(kind='discrete') (repr of doubles)
  pywt-swt.tsv     : a seeded random volume and its undecimated decomposition in PyRadiomics' convention
                     (imageoperations._swt3: numpy axes (z, y, x), odd axes padded by one wrapped sample,
                     pywt.swtn(data, wavelet, level=1, start_level=0, axes=(2, 1, 0)) repeated start_level
                     times on the approximation first, then `level` times; detail keys a/d -> L/H; the
                     padding cropped off; the final approximation named wavelet[N]-LLL).
Values are written x fastest (our Volume order).
"""
import numpy as np
import pywt

with open("pywt-filters.tsv", "w") as f:
    f.write("# pywt %s: name<TAB>dec_lo<TAB>dec_hi (comma-separated)\n" % pywt.__version__)
    for name in pywt.wavelist(kind="discrete"):
        w = pywt.Wavelet(name)
        f.write("%s\t%s\t%s\n" % (name, ",".join(repr(float(v)) for v in w.dec_lo),
                                  ",".join(repr(float(v)) for v in w.dec_hi)))


def pyradiomics_convention(matrix, wavelet, level, start_level, axes=(2, 1, 0)):
    shape = matrix.shape
    data = np.pad(matrix, [(0, d % 2) for d in shape], "wrap")
    crop = tuple(slice(None, -1 if d % 2 else None) for d in shape)
    approx_key = "a" * len(axes)
    for _ in range(start_level):
        data = pywt.swtn(data, wavelet, level=1, start_level=0, axes=axes)[0][approx_key]
    out = []
    for i in range(level):
        dec = pywt.swtn(data, wavelet, level=1, start_level=0, axes=axes)[0]
        data = dec[approx_key]
        prefix = "wavelet-" if i == 0 else "wavelet%d-" % (i + 1)
        for key in sorted(dec):
            if key != approx_key:
                out.append((prefix + key.replace("a", "L").replace("d", "H"), dec[key][crop]))
    prefix = "wavelet-" if level == 1 else "wavelet%d-" % level
    out.append((prefix + "L" * len(axes), data[crop]))
    return out


def flat(a):  # numpy (z, y, x) -> x fastest
    return ",".join(repr(float(v)) for v in a.ravel(order="C"))


rng = np.random.RandomState(20261127)
nz, ny, nx = 5, 6, 7
volume = rng.normal(100.0, 30.0, size=(nz, ny, nx))
cases = [("sym4", 1, 0), ("coif3", 1, 0), ("bior2.2", 1, 0), ("rbio3.1", 1, 0), ("dmey", 1, 0),
         ("bior6.8", 1, 0), ("db7", 1, 0), ("sym7", 2, 1)]
with open("pywt-swt.tsv", "w") as f:
    f.write("# pywt %s: size nx ny nz, input, then wavelet<TAB>level<TAB>start_level<TAB>band<TAB>values\n"
            % pywt.__version__)
    f.write("size\t%d\t%d\t%d\n" % (nx, ny, nz))
    f.write("input\t%s\n" % flat(volume))
    for wavelet, level, start in cases:
        for band, image in pyradiomics_convention(volume, wavelet, level, start):
            f.write("%s\t%d\t%d\t%s\t%s\n" % (wavelet, level, start, band, flat(image)))
