package org.instanceha.segment;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that BMC passwords are stored encrypted with, {@code instanceha.secrets.*}.
 *
 * @param key     the key itself (a long random text; from an environment variable or a secret store)
 * @param keyFile where the key is kept when {@code key} is not given: read if it exists, else generated
 *                there (the demo profile keeps it under {@code ./data}); none by default
 */
@ConfigurationProperties("instanceha.secrets")
public record SecretsProperties(String key, Path keyFile) {
}
