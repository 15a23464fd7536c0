package org.instanceha.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's keys as {@link SecretsProperties} give them: the one that seals, then the older ones that
 * still open. A key file must be the owner's alone (else the start is refused, naming the file); a key file
 * that does not exist is generated, owner-only from its creation. Each key is known by an id that does not
 * reveal it (the first bytes of an HMAC of a fixed text under the key), written beside every value it seals.
 */
final class SecretKeys {

    static final int MIN_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** A key and its id. */
    record Key(String id, String text) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private SecretKeys() {
    }

    /** The keys, the sealing one first; empty when no key is configured. */
    static List<Key> of(SecretsProperties properties) {
        List<Key> keys = new ArrayList<>();
        String primary = primary(properties);
        if (primary != null) {
            if (primary.length() < MIN_LENGTH) {
                throw new IllegalStateException("instanceha.secrets.key is shorter than " + MIN_LENGTH + " characters: "
                        + "give a long random text (for example: openssl rand -base64 32); an older, shorter key may "
                        + "stay in instanceha.secrets.previous-keys while its values are sealed again.");
            }
            keys.add(new Key(id(primary), primary));
        }
        // Older keys only open what they sealed: any length, as they were.
        properties.previousKeys().stream().filter(t -> !t.isBlank()).map(String::strip)
                .forEach(text -> keys.add(new Key(id(text), text)));
        for (Path file : properties.previousKeyFiles()) {
            if (!Files.exists(file)) {
                throw new IllegalStateException("The previous key file " + file + " does not exist.");
            }
            String text = read(file);
            keys.add(new Key(id(text), text));
        }
        if (keys.isEmpty() && !properties.previousKeys().isEmpty()) {
            throw new IllegalStateException("instanceha.secrets.previous-keys needs instanceha.secrets.key.");
        }
        return keys;
    }

    private static String primary(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return properties.key().strip();
        }
        Path file = properties.keyFile();
        if (file == null) {
            return null;
        }
        return Files.exists(file) ? read(file) : generate(file);
    }

    static String id(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal("instance-ha secrets key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    throw new IllegalStateException("The key file " + file + " may be read or changed by others than "
                            + "its owner (" + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file
                            + " and start again.");
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generate(Path file) {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try { // owner-only from its creation, before the key is in it
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system: the directory protects it
            }
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the key file " + file + ": " + e.getMessage(), e);
        }
        log.info("Generated the key for stored secrets in {}", file);
        return generated;
    }
}
