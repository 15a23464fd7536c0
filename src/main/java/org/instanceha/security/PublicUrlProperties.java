package org.instanceha.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code instanceha.public-url}: the URL clients reach instance-ha by, like the {@code public_endpoint}
 * option of OpenStack services, e.g. {@code https://ha.example.com}. Set, it is the origin of every
 * link (version discovery) and redirect, whatever {@code Host} header a request carries. Unset, the
 * request's own host is used.
 */
@ConfigurationProperties("instanceha")
public record PublicUrlProperties(URI publicUrl) {

    public PublicUrlProperties {
        if (publicUrl != null) {
            String path = publicUrl.getPath();
            if (publicUrl.getScheme() == null || publicUrl.getHost() == null
                    || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))
                    || (path != null && !path.isEmpty() && !path.equals("/"))
                    || publicUrl.getQuery() != null || publicUrl.getFragment() != null) {
                throw new IllegalArgumentException("instanceha.public-url must be an http or https origin such as "
                        + "https://ha.example.com or http://10.0.0.5:8080, not " + publicUrl);
            }
        }
    }
}
