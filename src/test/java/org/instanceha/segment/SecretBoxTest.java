package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    /** Fewer iterations than a node's 600,000: these tests derive many keys, and a value says its count. */
    private static SecretBox box(SecretsProperties properties) {
        return SecretBox.withIterations(properties, 2_000);
    }

    private static final String KEY_1 = "operator-key-1-4f1a9c2e";
    private static final String KEY_2 = "operator-key-2-77d03b51";

    @Test
    void aSealedSecretOpensWithItsKeyForWhatItIsBoundTo() {
        SecretBox box = box(new SecretsProperties(KEY_1, null));

        String sealed = box.seal("Bmc-Pa55", "compute1");

        assertThat(sealed).startsWith(SecretBox.V2 + SecretKeys.id(KEY_1) + ":2000:").doesNotContain("Bmc-Pa55");
        assertThat(box.seal("Bmc-Pa55", "compute1")).as("a random IV per value").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "compute1")).isEqualTo("Bmc-Pa55");
        assertThat(box(new SecretsProperties(KEY_1, null)).open(sealed, "compute1"))
                .as("another node with the key, its own salt").isEqualTo("Bmc-Pa55");
    }

    @Test
    void aNodeSealsWithSixHundredThousandIterationsAndOpensWhatAnyCountSealed() {
        SecretBox node = new SecretBox(new SecretsProperties(KEY_1, null));
        String sealed = node.seal("Bmc-Pa55", "compute1");

        assertThat(sealed).startsWith(SecretBox.V2 + SecretKeys.id(KEY_1) + ":600000:");
        assertThat(box(new SecretsProperties(KEY_1, null)).open(sealed, "compute1")).isEqualTo("Bmc-Pa55");
        assertThat(node.open(box(new SecretsProperties(KEY_1, null)).seal("x", "compute1"), "compute1")).isEqualTo("x");
        String tooMany = sealed.replace(":600000:", ":99000000:");
        assertThatThrownBy(() -> node.open(tooMany, "compute1")).as("a count that would stall the node")
                .isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void boundToSomethingElseOrChangedItDoesNotOpen() {
        SecretBox box = box(new SecretsProperties(KEY_1, null));
        String sealed = box.seal("Bmc-Pa55", "compute1");
        String changed = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        assertThatThrownBy(() -> box.open(sealed, "compute2")).isInstanceOf(SecretBox.CannotOpen.class)
                .hasMessageContaining("sealed for another host").hasMessageNotContaining("Bmc-Pa55")
                .extracting(e -> ((SecretBox.CannotOpen) e).why()).isEqualTo(SecretBox.CannotOpen.Why.ANOTHER_BINDING);
        assertThatThrownBy(() -> box.open(changed, "compute1")).isInstanceOf(SecretBox.CannotOpen.class);
        assertThatThrownBy(() -> box.open("sealed:v2:nonsense", "compute1")).isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhichKeyItNeeds() {
        String sealed = box(new SecretsProperties(KEY_1, null)).seal("Bmc-Pa55", "compute1");

        assertThatThrownBy(() -> box(new SecretsProperties(KEY_2, null)).open(sealed, "compute1"))
                .isInstanceOf(SecretBox.CannotOpen.class).hasMessageContaining(SecretKeys.id(KEY_1))
                .hasMessageNotContaining(KEY_1).hasMessageNotContaining(KEY_2);
    }

    @Test
    void aRotationReadsWithTheOldKeyAndSealsWithTheNew() {
        String old = box(new SecretsProperties(KEY_1, null)).seal("Bmc-Pa55", "compute1");
        SecretBox rotated = box(new SecretsProperties(KEY_2, null, List.of(KEY_1), List.of()));

        assertThat(rotated.open(old, "compute1")).isEqualTo("Bmc-Pa55");
        assertThat(rotated.needsSealingAgain(old)).isTrue();
        String again = rotated.seal(rotated.open(old, "compute1"), "compute1");
        assertThat(again).startsWith(SecretBox.V2 + SecretKeys.id(KEY_2) + ":");
        assertThat(rotated.needsSealingAgain(again)).isFalse();
        assertThat(box(new SecretsProperties(KEY_2, null)).open(again, "compute1")).isEqualTo("Bmc-Pa55");
    }

    @Test
    void aValueOfTheFirstVersionStillOpensAndIsToBeSealedAgain() {
        // Sealed by the first version (Encryptors.delux, the key's digest as salt) with the key "operator-key-1".
        String v1 = org.springframework.security.crypto.encrypt.Encryptors.delux("operator-key-1",
                version1Salt("operator-key-1")).encrypt("Bmc-Pa55");
        SecretBox box = box(new SecretsProperties(KEY_2, null, List.of("operator-key-1"), List.of()));

        assertThat(box.open("sealed:v1:" + v1, "anything")).isEqualTo("Bmc-Pa55");
        assertThat(box.needsSealingAgain("sealed:v1:" + v1)).isTrue();
    }

    private static String version1Salt(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(("instance-ha:" + key)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAKeyNothingIsSealedAndAShortKeyIsRefused() {
        SecretBox box = box(new SecretsProperties(null, null));

        assertThat(box.hasKey()).isFalse();
        assertThatThrownBy(() -> box.seal("Bmc-Pa55", "compute1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instanceha.secrets.key");
        assertThatThrownBy(() -> box(new SecretsProperties("short-key", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shorter than 16 characters");
    }

    @Test
    void aKeyFileIsGeneratedOnceAndKept(@TempDir Path data) throws Exception {
        Path file = data.resolve("secrets.key");
        String sealed = box(new SecretsProperties(null, file)).seal("Bmc-Pa55", "compute1");

        assertThat(Files.readString(file)).hasSizeGreaterThanOrEqualTo(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(box(new SecretsProperties(null, file)).open(sealed, "compute1")).isEqualTo("Bmc-Pa55");
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedAtStart(@TempDir Path data) throws Exception {
        Path file = data.resolve("secrets.key");
        Files.writeString(file, KEY_1);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> box(new SecretsProperties(null, file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> box(new SecretsProperties(KEY_2, null, List.of(), List.of(file))))
                .as("a previous key's file too").hasMessageContaining("chmod 600");
    }
}
