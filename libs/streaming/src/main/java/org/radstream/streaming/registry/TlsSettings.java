package org.radstream.streaming.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for an {@code https://} registry URL, the same settings as Confluent's
 * {@code schema.registry.ssl.truststore.*} / {@code schema.registry.ssl.keystore.*} / {@code ssl.key.password}.
 * Host names are always verified.
 *
 * @param truststore  certificates to trust; {@code null} = the JDK's default trust store
 * @param keystore    client certificate and key for mutual TLS; {@code null} = none
 * @param keyPassword password of the key inside the keystore; {@code null} = the keystore password
 */
public record TlsSettings(KeyStoreFile truststore, KeyStoreFile keystore, String keyPassword) {

    /**
     * A key or trust store on disk.
     *
     * @param path     file path
     * @param password store password, {@code null} for none
     * @param type     store type, {@code PKCS12} (default when {@code null}) or {@code JKS}
     */
    public record KeyStoreFile(Path path, String password, String type) {
        public KeyStoreFile {
            if (path == null) {
                throw new IllegalArgumentException("key store path is required");
            }
            type = type == null || type.isBlank() ? "PKCS12" : type;
        }

        KeyStore load() {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password == null ? null : password.toCharArray());
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot load " + type + " key store " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "KeyStoreFile[path=" + path + ", type=" + type + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    /** Trusts only the certificates in {@code truststore}. */
    public static TlsSettings trusting(Path truststore, String password, String type) {
        return new TlsSettings(new KeyStoreFile(truststore, password, type), null, null);
    }

    /** Builds the SSL context; fails with the file path when a store cannot be read. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = null;
            if (truststore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(truststore.load());
            }
            KeyManagerFactory kmf = null;
            if (keystore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String pw = keyPassword != null ? keyPassword : keystore.password();
                kmf.init(keystore.load(), pw == null ? null : pw.toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry (" + this + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[truststore=" + truststore + ", keystore=" + keystore
                + ", keyPassword=" + (keyPassword == null ? "none" : "***") + "]";
    }
}
