package org.instanceha.segment;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The keys that BMC passwords are stored encrypted with, {@code instanceha.secrets.*}.
 *
 * @param key              the key new values are sealed with (a long random text, at least 16 characters; from an
 *                         environment variable or a secret store)
 * @param keyFile          where that key is kept when {@code key} is not given: read if it exists, else generated
 *                         there (the demo profile keeps it under {@code ./data}); none by default
 * @param previousKeys     older keys, read only: values sealed with them still open, and are sealed again with
 *                         {@code key} at start (a key rotation, docs/operator-guide.md)
 * @param previousKeyFiles the same, kept in files
 */
@ConfigurationProperties("instanceha.secrets")
public record SecretsProperties(String key, Path keyFile, List<String> previousKeys, List<Path> previousKeyFiles) {

    @ConstructorBinding
    public SecretsProperties {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        previousKeyFiles = previousKeyFiles == null ? List.of() : List.copyOf(previousKeyFiles);
    }

    /** One key, given or in a file, and no older ones. */
    public SecretsProperties(String key, Path keyFile) {
        this(key, keyFile, List.of(), List.of());
    }
}
