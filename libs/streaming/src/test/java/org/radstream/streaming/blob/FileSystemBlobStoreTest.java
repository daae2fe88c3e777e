package org.radstream.streaming.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path tmp;

    @Test
    void putReturnsAFileUriThatReadsBackTheBytes() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(tmp.resolve("blobs"));
        byte[] data = "DICM-ish".getBytes(StandardCharsets.US_ASCII);
        URI u = store.put("case1/series1/a.dcm", new ByteArrayInputStream(data));
        assertEquals("file", u.getScheme());
        assertEquals(tmp.resolve("blobs/case1/series1/a.dcm").toAbsolutePath(), Path.of(u));
        try (InputStream in = store.open(u)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertTrue(store.exists(store.folderUri("case1/series1")));
        assertTrue(store.folderUri("case1/series1").toString().endsWith("/case1/series1/"));
        // rewriting replaces, no temporary file remains
        store.put("case1/series1/a.dcm", new ByteArrayInputStream(new byte[] {1}));
        try (var files = Files.list(tmp.resolve("blobs/case1/series1"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void contentAddressedKeyIsTheSha256OfTheContent() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(tmp.resolve("blobs"));
        Path f = Files.writeString(tmp.resolve("in.txt"), "abc");
        URI u = store.putContentAddressed("quarantine", f, ".bin");
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertTrue(u.toString().endsWith("/quarantine/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.bin"), u::toString);
        assertEquals(u, store.putContentAddressed("quarantine", f, ".bin"));
    }

    @Test
    void keysCannotEscapeTheRootAndForeignUrisAreNotFound() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(tmp.resolve("blobs"));
        for (String bad : new String[] {"../x", "a/../../x", "/abs", "a//b", "a/.hidden", "", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> store.put(bad, new ByteArrayInputStream(new byte[0])), bad);
        }
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "x");
        assertThrows(BlobNotFoundException.class, () -> store.open(outside.toUri()));
        assertThrows(BlobNotFoundException.class, () -> store.open(URI.create("s3://bucket/k")));
        assertThrows(BlobNotFoundException.class, () -> store.open(store.root().resolve("missing").toUri()));
        assertFalse(store.exists(URI.create("s3://bucket/k")));
    }
}
