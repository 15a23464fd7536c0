package org.instanceha.segment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.instanceha.common.InvalidInputException;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets instance-ha stores (a BMC's password) with the operator's key, and opens them for the one
 * who must use them. A value reads {@code sealed:v2:<key id>:<iterations>:<salt>:<iv and ciphertext>}: AES-256-GCM
 * under a key derived from the operator's by PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, written in the
 * value so that a later count still opens it) with a random salt kept beside the value, and the value's {@code binding} (what it belongs to: the host and the BMC's address) as
 * associated data, so that a value copied elsewhere does not open. The salt is drawn once per node start and the
 * derived keys are kept, so the slow derivation runs once per key and salt, not per value.
 * <p>
 * Values of version 1 (before 2026-12: PBKDF2-SHA1, the key as its own salt, no binding) still open, with any
 * configured key; {@link #needsSealingAgain} tells which values a start should seal again.
 */
@Component
public class SecretBox {

    static final String PREFIX = "sealed:";
    static final String V2 = PREFIX + "v2:";
    private static final String V1 = PREFIX + "v1:";
    static final int ITERATIONS = 600_000;
    private static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final List<SecretKeys.Key> keys;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final byte[] salt = new byte[SALT_BYTES];
    private final Map<String, SecretKey> derived = new ConcurrentHashMap<>();

    /** A stored secret that does not open, and why (never with the value). */
    public static final class CannotOpen extends IllegalStateException {
        /** Why a secret does not open. */
        public enum Why { NO_KEY, UNKNOWN_KEY, NOT_SEALED, ANOTHER_BINDING }

        private final Why why;

        CannotOpen(Why why, String message) {
            super("a stored secret cannot be opened: " + message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SecretBox(SecretsProperties properties) {
        this.keys = SecretKeys.of(properties);
        this.iterations = ITERATIONS;
        random.nextBytes(salt);
    }

    private SecretBox(SecretBox box, int iterations) {
        this.keys = box.keys;
        this.iterations = iterations;
        random.nextBytes(salt);
    }

    /** The same keys sealing with another iteration count: for tests, which derive many keys (a value says its count). */
    static SecretBox withIterations(SecretsProperties properties, int iterations) {
        return new SecretBox(new SecretBox(properties), iterations);
    }

    /** Whether a key is configured: without one, no secret can be stored. */
    public boolean hasKey() {
        return !keys.isEmpty();
    }

    /** The value sealed with the key new values are sealed with, bound to {@code binding}. */
    public String seal(String plain, String binding) {
        if (keys.isEmpty()) {
            throw new InvalidInputException("instance-ha has no key to store a BMC password with: set "
                    + "instanceha.secrets.key (or instanceha.secrets.key-file) and restart it.");
        }
        SecretKeys.Key key = keys.get(0);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, derive(key, iterations, salt), iv, binding);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return V2 + key.id() + ":" + iterations + ":" + base64.encodeToString(salt) + ":"
                    + base64.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret: " + e.getMessage(), e);
        }
    }

    /**
     * The value a sealed one holds, when it is opened for what it is bound to. Fails, saying why but never
     * with the value, when its key is not configured, or when it was sealed for something else (or changed).
     */
    public String open(String sealed, String binding) {
        if (keys.isEmpty()) {
            throw new CannotOpen(CannotOpen.Why.NO_KEY, "no key is configured");
        }
        if (sealed != null && sealed.startsWith(V1)) {
            return openVersion1(sealed.substring(V1.length()));
        }
        String[] parts = sealed == null || !sealed.startsWith(V2) ? new String[0]
                : sealed.substring(V2.length()).split(":", -1);
        int count = parts.length == 4 && parts[1].matches("[0-9]{4,8}") ? Integer.parseInt(parts[1]) : 0;
        if (parts.length != 4 || count < MIN_ITERATIONS || count > MAX_ITERATIONS) {
            throw new CannotOpen(CannotOpen.Why.NOT_SEALED, "it is not sealed as instance-ha seals");
        }
        SecretKeys.Key key = key(parts[0]).orElseThrow(() -> new CannotOpen(CannotOpen.Why.UNKNOWN_KEY,
                "it was sealed with key " + parts[0] + ", which is not configured (configured: "
                + keys.stream().map(SecretKeys.Key::id).toList() + ")"));
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] body = base64.decode(parts[3]);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, derive(key, count, base64.decode(parts[2])),
                    java.util.Arrays.copyOf(body, IV_BYTES), binding);
            return new String(cipher.doFinal(body, IV_BYTES, body.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new CannotOpen(CannotOpen.Why.ANOTHER_BINDING, "it was sealed for another host or BMC address, or "
                    + "changed since");
        }
    }

    /** Whether a stored value should be sealed again: an older version, or another key than the sealing one. */
    public boolean needsSealingAgain(String sealed) {
        return isSealed(sealed) && !keys.isEmpty() && !sealed.startsWith(V2 + keys.get(0).id() + ":");
    }

    /** The id of the key new values are sealed with; empty without a key. */
    public Optional<String> sealingKeyId() {
        return keys.stream().findFirst().map(SecretKeys.Key::id);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private Optional<SecretKeys.Key> key(String id) {
        return keys.stream().filter(k -> MessageDigest.isEqual(k.id().getBytes(StandardCharsets.UTF_8),
                id.getBytes(StandardCharsets.UTF_8))).findFirst();
    }

    private SecretKey derive(SecretKeys.Key key, int count, byte[] salt) {
        return derived.computeIfAbsent(key.id() + ":" + count + ":" + HexFormat.of().formatHex(salt), ignored -> {
            try {
                byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                        new PBEKeySpec(key.text().toCharArray(), salt, count, 256)).getEncoded();
                return new SecretKeySpec(bytes, "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String binding) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("instance-ha:" + binding).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Version 1: Spring Security's {@code Encryptors.delux}, the salt a digest of the key. Any key may open it. */
    private String openVersion1(String body) {
        for (SecretKeys.Key key : keys) {
            try {
                return Encryptors.delux(key.text(), version1Salt(key.text())).decrypt(body);
            } catch (RuntimeException e) {
                // the next key may be the one
            }
        }
        throw new CannotOpen(CannotOpen.Why.UNKNOWN_KEY, "none of the configured keys opens it");
    }

    private static String version1Salt(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("instance-ha:" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
