package org.radstream.streaming.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The default {@link BlobStore}: a directory (a local disk, or a shared volume mounted by every stage).
 * A key {@code a/b/c.dcm} is the file {@code ROOT/a/b/c.dcm}; URIs are {@code file:} URIs of those files.
 * Writes go to a temporary file in the target directory and are moved into place atomically, so a reader never
 * sees a partial blob. Keys are checked: segments of letters, digits, {@code . _ -}, no {@code ..}, so a key
 * built from input can never escape the root.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final Path root;

    /** @param root directory of the store; created if missing */
    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(Objects.requireNonNull(root, "root")).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public URI put(String key, Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return put(key, in);
        }
    }

    @Override
    public URI put(String key, InputStream in) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target.toUri();
    }

    @Override
    public URI putContentAddressed(String prefix, Path source, String suffix) throws IOException {
        checkKey(prefix);
        if (!suffix.isEmpty() && !SEGMENT.matcher("x" + suffix).matches()) {
            throw new IllegalArgumentException("suffix '" + suffix + "' may hold only letters, digits, . _ -");
        }
        Path dir = pathOf(prefix);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".put-", ".tmp");
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
                    OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            Path target = dir.resolve(HexFormat.of().formatHex(sha.digest()) + suffix);
            if (!Files.exists(target)) {
                move(tmp, target);
            }
            return target.toUri();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public URI folderUri(String prefix) {
        URI u = pathOf(prefix).toUri();
        return u.toString().endsWith("/") ? u : URI.create(u + "/");
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        Path p = localPath(uri);
        if (!Files.isRegularFile(p)) {
            throw new BlobNotFoundException(uri, "no such blob");
        }
        return Files.newInputStream(p);
    }

    @Override
    public boolean exists(URI uri) {
        try {
            return Files.exists(localPath(uri));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Path localPath(URI uri) throws IOException {
        if (!"file".equals(uri.getScheme())) {
            throw new BlobNotFoundException(uri, "not a file: URI of this store");
        }
        Path p = Path.of(uri).toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            throw new BlobNotFoundException(uri, "outside the blob store " + root.toUri());
        }
        return p;
    }

    private Path pathOf(String key) {
        checkKey(key);
        return root.resolve(key);
    }

    /** @throws IllegalArgumentException naming the key and the bad segment */
    static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("blob key must not be empty");
        }
        for (String seg : key.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches() || seg.equals("..") || seg.equals(".")) {
                throw new IllegalArgumentException("blob key '" + key + "': segment '" + seg
                        + "' must be letters, digits, . _ - (not starting with . or -)");
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
