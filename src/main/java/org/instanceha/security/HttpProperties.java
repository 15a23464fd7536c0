package org.instanceha.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code instanceha.http.*}.
 *
 * @param maxRequestSize the largest request body any route accepts; larger ones get 413 before they are read
 */
@ConfigurationProperties("instanceha.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
