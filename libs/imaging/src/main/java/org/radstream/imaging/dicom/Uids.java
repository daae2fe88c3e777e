package org.radstream.imaging.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic DICOM UIDs: {@code 2.25.<UUID as unsigned decimal>} (PS3.5 B.2), with a name-based
 * (RFC 4122 version 3) UUID so that the same seed and name always give the same UID.
 */
public final class Uids {
    private Uids() {
    }

    public static String fromName(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
