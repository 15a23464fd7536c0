package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @Test
    void aSealedSecretOpensWithItsKeyAndReadsNothingLikeIt() {
        SecretBox box = new SecretBox(new SecretsProperties("operator-key-1", null));

        String sealed = box.seal("Bmc-Pa55");

        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("Bmc-Pa55");
        assertThat(box.seal("Bmc-Pa55")).as("a random IV per value").isNotEqualTo(sealed);
        assertThat(box.seal(sealed)).as("never sealed twice").isEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("Bmc-Pa55");
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = new SecretBox(new SecretsProperties("operator-key-1", null)).seal("Bmc-Pa55");

        assertThatThrownBy(() -> new SecretBox(new SecretsProperties("operator-key-2", null)).open(sealed))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        SecretBox box = new SecretBox(new SecretsProperties(null, null));

        assertThat(box.hasKey()).isFalse();
        assertThatThrownBy(() -> box.seal("Bmc-Pa55")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instanceha.secrets.key");
    }

    @Test
    void aKeyFileIsGeneratedOnceAndKept(@TempDir Path data) throws Exception {
        Path file = data.resolve("secrets.key");
        String sealed = new SecretBox(new SecretsProperties(null, file)).seal("Bmc-Pa55");

        assertThat(Files.readString(file)).hasSizeGreaterThanOrEqualTo(64);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new SecretBox(new SecretsProperties(null, file)).open(sealed)).isEqualTo("Bmc-Pa55");
    }
}
