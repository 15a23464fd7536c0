package org.instanceha.nova;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code instanceha.openstack.*}: the cloud to recover, reached through Keystone v3 with a password
 * and a project scope. With the simulator on and no {@code auth-url}, the simulator's Keystone is used.
 *
 * @param interfaceName        ({@code instanceha.openstack.interface})
 *                                    which catalog endpoints to use: {@code public}, {@code internal} or {@code admin}
 * @param connectTimeout       TCP connect timeout of every call to Keystone and Nova
 * @param readTimeout          read timeout of every call to Keystone and Nova
 * @param tokenRefreshMargin   renew the shared token this long before it expires
 * @param pageSize             servers asked for per page when listing a host's servers
 */
@ConfigurationProperties("instanceha.openstack")
public record OpenStackProperties(
        String authUrl,
        @DefaultValue("admin") String username,
        String password,
        @DefaultValue("admin") String projectName,
        @DefaultValue("Default") String userDomainName,
        @DefaultValue("Default") String projectDomainName,
        String region,
        @Name("interface") @DefaultValue("public") String interfaceName,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue("500") int pageSize) {
}
