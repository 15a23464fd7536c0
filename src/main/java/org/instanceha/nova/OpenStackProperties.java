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
 * @param cpuAllocationRatio   the cloud's {@code cpu_allocation_ratio}: Nova's hypervisor figures count physical
 *                             vCPUs, its scheduler places up to this many times as many; 1.0 (the default) plans
 *                             no more than the physical count
 * @param ramAllocationRatio   the cloud's {@code ram_allocation_ratio}, for RAM alike
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
        @DefaultValue("500") int pageSize,
        @DefaultValue("1.0") double cpuAllocationRatio,
        @DefaultValue("1.0") double ramAllocationRatio) {

    public OpenStackProperties {
        for (double ratio : new double[] {cpuAllocationRatio, ramAllocationRatio}) {
            if (!(ratio > 0 && ratio <= 1000)) {
                throw new IllegalArgumentException("instanceha.openstack.cpu-allocation-ratio and "
                        + "ram-allocation-ratio are numbers above 0 and at most 1000 (Nova's own defaults: 16.0 and "
                        + "1.5); not " + ratio);
            }
        }
    }
}
