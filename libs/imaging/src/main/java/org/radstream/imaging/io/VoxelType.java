package org.radstream.imaging.io;

import java.nio.ByteBuffer;

/** Scalar voxel storage types shared by the NIfTI and NRRD readers, with their decoding to double. */
enum VoxelType {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

    final int bytes;

    VoxelType(int bytes) {
        this.bytes = bytes;
    }

    /** Reads the value at the buffer's position (the buffer's byte order applies) and advances it. */
    double read(ByteBuffer b) {
        return switch (this) {
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xFF;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xFFFFFFFFL;
            case INT64 -> b.getLong();
            case UINT64 -> {
                long v = b.getLong();
                // unsigned 64-bit: add 2^64 when the sign bit is set
                yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
        };
    }
}
