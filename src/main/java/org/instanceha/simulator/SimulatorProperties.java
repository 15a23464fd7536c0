package org.instanceha.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.simulator.*}.
 *
 * @param enabled               serve the simulated Keystone and Nova under {@code /simulator}
 * @param seed                  the YAML file describing the cloud at start
 * @param evacuationTime        how long an evacuation takes, from Nova's 200 to the server settled, once its target
 *                              host starts rebuilding it
 * @param rebuildsPerHost       how many rebuilds a host's nova-compute runs at once; the others wait for one to end
 *                              (0: no bound). 4 is what the test bed's nova-compute does (2026-12-07: one
 *                              rebuild 2.5 to 2.8 s, four sent to one host at once 2.2 to 2.3 s, seven 4.3 to 5.3 s)
 * @param serviceDownTime       how long after a host dies Nova reports its service down (Nova's service_down_time)
 * @param reportInterval        how often a running nova-compute heartbeats, moving its {@code updated_at} (Nova's
 *                              report_interval: 10 s by default, the test bed's 3 s)
 * @param tokenTtl              lifetime of the tokens the simulated Keystone issues
 * @param serverErrorRate       fraction of Nova requests answered 500 or 503
 * @param timeoutRate           fraction of Nova requests answered only after {@code timeoutDelay}
 * @param timeoutDelay          how long a "timed out" request hangs before it is answered
 * @param evacuationFailureRate fraction of evacuations that end with the server in ERROR
 * @param stopTime              how long {@code os-stop} takes, from Nova's 202 to the server stopped (the test
 *                              bed's fake driver: under 0.1 s; a guest's clean shutdown takes longer)
 * @param startTime             how long {@code os-start} takes, from Nova's 202 to the server active (the test
 *                              bed: about 4 s)
 * @param startFailureRate      fraction of starts that fail, the server staying stopped
 * @param bmcPort               the HTTPS port of the simulated Redfish BMCs ({@link SimulatedBmcs}); 0 for any free
 * @param bmcTlsDir             where the BMCs' self-signed key and certificate ({@code bmc.pem}) are kept
 * @param bmcUsername           the user of every simulated BMC
 * @param bmcPassword           its password; without one the simulated BMCs refuse every request
 * @param managementBasePort    computeN's management address is 127.0.0.1:(this + N); 0 for any free ports
 * @param novaMaxMicroversion   the newest compute API microversion the simulated Nova speaks, as 2.N: 93 is Zed
 *                              (the test bed's Nova 26); from 95 an evacuation may leave its server stopped
 */
@ConfigurationProperties("instanceha.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("classpath:simulator/default-cloud.yaml") String seed,
        @DefaultValue("3s") Duration evacuationTime,
        @DefaultValue("4") int rebuildsPerHost,
        @DefaultValue("15s") Duration serviceDownTime,
        @DefaultValue("3s") Duration reportInterval,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("0") double serverErrorRate,
        @DefaultValue("0") double timeoutRate,
        @DefaultValue("60s") Duration timeoutDelay,
        @DefaultValue("0") double evacuationFailureRate,
        @DefaultValue("1s") Duration stopTime,
        @DefaultValue("4s") Duration startTime,
        @DefaultValue("0") double startFailureRate,
        @DefaultValue("0") int bmcPort,
        @DefaultValue("./data/simulator-bmc") String bmcTlsDir,
        @DefaultValue("admin") String bmcUsername,
        String bmcPassword,
        @DefaultValue("0") int managementBasePort,
        @DefaultValue("93") int novaMaxMicroversion) {
}
