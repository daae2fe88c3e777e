package org.radstream.streaming.blob;

import java.io.FileNotFoundException;
import java.net.URI;

/** A URI names no blob of the store (deleted, another store, or never written). */
public final class BlobNotFoundException extends FileNotFoundException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(URI uri, String why) {
        super(uri + ": " + why);
    }
}
