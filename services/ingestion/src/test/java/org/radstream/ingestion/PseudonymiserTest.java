package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.Secret;

class PseudonymiserTest {

    static final Secret KEY = new Secret("test-key-0123456789-abcdefghijklmnop");

    @Test
    void hmacMatchesRfc4231TestCase2() {
        // RFC 4231 §4.3: Key = "Jefe", Data = "what do ya want for nothing?"
        byte[] mac = Pseudonymiser.hmac(new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
    }

    @Test
    void caseIdIsTheTruncatedHmacOfTheDomainAndId() {
        // outside reference (OpenSSL 3):
        //   printf 'patient\0RS-0001' | openssl dgst -sha256 -hmac 'test-key-0123456789-abcdefghijklmnop'
        //   SHA2-256(stdin)= d991665f10d7816278c58e76167829c4345c16cf861ab0006618fcb11680d222
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertEquals("cd991665f10d7816278c58e76167829c4", p.caseId("RS-0001"));
        assertEquals(p.caseId("RS-0001"), p.caseId("  RS-0001 "));
        assertTrue(p.caseId("RS-0001").matches("c[0-9a-f]{32}"));
        assertFalse(p.caseId("RS-0001").contains("RS-0001"));
    }

    @Test
    void domainsAndKeysSeparate() {
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertNotEquals(p.caseId("1.2.3").substring(1), p.studyRef("1.2.3").substring(2));
        assertNotEquals(p.caseId("RS-0001"), new Pseudonymiser(new Secret(KEY.reveal() + "x")).caseId("RS-0001"));
    }

    @Test
    void shortKeyAndEmptyIdAreRefusedWithoutShowingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new Secret("short-secret")));
        assertFalse(e.getMessage().contains("short-secret"));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(KEY).caseId(" "));
    }
}
