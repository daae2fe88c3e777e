package org.radstream.streaming.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where large binaries (DICOM series, masks, reports) live while events carry only their URIs: the claim-check
 * pattern of DESIGN §2. Blobs are addressed by keys of slash-separated segments ({@code <caseId>/<seriesRef>/x.dcm});
 * a key is written once and then read by any stage through its URI. Writing the same key again replaces the
 * blob atomically (a retried import leaves no half-written file). Kafka-free.
 */
public interface BlobStore {

    /** Stores a copy of {@code source} under {@code key}; returns the blob's URI. */
    URI put(String key, Path source) throws IOException;

    /** Stores the bytes of {@code in} (read to the end, not closed) under {@code key}; returns the URI. */
    URI put(String key, InputStream in) throws IOException;

    /**
     * Stores {@code source} under {@code prefix/<sha256 of the content><suffix>}: the same content always
     * gets the same URI, so storing it twice costs nothing.
     */
    URI putContentAddressed(String prefix, Path source, String suffix) throws IOException;

    /** URI of the "folder" holding every key under {@code prefix} (ends with a slash), e.g. a series. */
    URI folderUri(String prefix);

    /** Opens a blob by its URI. */
    InputStream open(URI uri) throws IOException;

    /** Whether a blob (or folder) exists at the URI. */
    boolean exists(URI uri);

    /** A local path for the URI, for readers that want files (DICOM series readers). */
    Path localPath(URI uri) throws IOException;
}
