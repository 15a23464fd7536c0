package org.instanceha.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.instanceha.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets instance-ha stores (a BMC's password) with the operator's key, and opens them for the one
 * who must use them: AES-256 in GCM mode with a key derived by PBKDF2 (Spring Security's
 * {@code Encryptors.delux}), a random IV per value. A sealed value reads {@value #PREFIX}..., so that one is never
 * sealed twice.
 */
@Component
public class SecretBox {

    static final String PREFIX = "sealed:v1:";

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final TextEncryptor encryptor;

    public SecretBox(SecretsProperties properties) {
        String key = key(properties);
        this.encryptor = key == null ? null : Encryptors.delux(key, salt(key));
    }

    /** Whether a key is configured: without one, no secret can be stored. */
    public boolean hasKey() {
        return encryptor != null;
    }

    /** The value sealed with the key; a value sealed already stays as it is. */
    public String seal(String plain) {
        if (plain == null || isSealed(plain)) {
            return plain;
        }
        if (encryptor == null) {
            throw new InvalidInputException("instance-ha has no key to store a BMC password with: set "
                    + "instanceha.secrets.key (or instanceha.secrets.key-file) and restart it.");
        }
        return PREFIX + encryptor.encrypt(plain);
    }

    /** The value a sealed one holds. */
    public String open(String sealed) {
        if (!isSealed(sealed) || encryptor == null) {
            throw new IllegalStateException("a stored secret cannot be opened: "
                    + (encryptor == null ? "no key is configured" : "it is not sealed"));
        }
        return encryptor.decrypt(sealed.substring(PREFIX.length()));
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static String key(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return properties.key();
        }
        if (properties.keyFile() == null) {
            return null;
        }
        try {
            if (Files.exists(properties.keyFile())) {
                return Files.readString(properties.keyFile(), StandardCharsets.UTF_8).strip();
            }
            if (properties.keyFile().getParent() != null) {
                Files.createDirectories(properties.keyFile().getParent());
            }
            String generated = KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey()
                    + KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey();
            try { // owner-only from its creation, before the key is in it
                Files.createFile(properties.keyFile(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(properties.keyFile()); // not a POSIX file system: the directory protects it
            }
            Files.writeString(properties.keyFile(), generated, StandardCharsets.UTF_8);
            log.info("Generated the key for stored secrets in {}", properties.keyFile());
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the key file " + properties.keyFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The PBKDF2 salt: fixed per key (each value gets a random IV), hex as Encryptors wants it. */
    private static String salt(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("instance-ha:" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
