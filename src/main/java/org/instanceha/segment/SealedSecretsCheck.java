package org.instanceha.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * At start: the BMC passwords the database keeps sealed must open with this node's keys. Under the {@code prod}
 * profile a node without a key, or without the key some values were sealed with, refuses to start (it could not
 * fence those hosts); elsewhere it says so in the log. Values sealed with an older key or in the older format are
 * sealed again with the sealing key (a key rotation's second step, docs/operator-guide.md); a value changed
 * meanwhile by another node is left to it.
 */
@Component
class SealedSecretsCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SealedSecretsCheck.class);

    private final SecretBox secrets;
    private final BmcCredentials credentials;
    private final HostRepository hosts;
    private final Environment environment;

    SealedSecretsCheck(SecretBox secrets, BmcCredentials credentials, HostRepository hosts, Environment environment) {
        this.secrets = secrets;
        this.credentials = credentials;
        this.hosts = hosts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Host> sealed = hosts.withSealedSecrets();
        if (sealed.isEmpty()) {
            return;
        }
        if (!secrets.hasKey()) {
            refuseOrWarn(sealed.size() + " host(s) keep a BMC password sealed with a key, and no key is configured: set "
                    + "instanceha.secrets.key (or instanceha.secrets.key-file) to the key they were stored with.");
            return;
        }
        int again = 0;
        List<String> unknownKey = new ArrayList<>();
        for (Host host : sealed) {
            try {
                Optional<String> resealed = credentials.sealedAgain(host);
                if (resealed.isPresent()
                        && hosts.replaceControlAttributes(host.id(), host.controlAttributes(), resealed.get())) {
                    again++;
                }
                credentials.of(host);
            } catch (SecretBox.CannotOpen e) {
                if (e.why() == SecretBox.CannotOpen.Why.UNKNOWN_KEY) {
                    unknownKey.add(host.name());
                } else {
                    log.warn("The BMC password of host {} does not open: {}. Give it again (openstack segment host "
                            + "update ... --control_attributes).", host.name(), e.getMessage());
                }
            }
        }
        if (again > 0) {
            log.info("Sealed {} BMC password(s) again with key {}", again, secrets.sealingKeyId().orElseThrow());
        }
        if (!unknownKey.isEmpty()) {
            refuseOrWarn("The BMC passwords of " + unknownKey + " were sealed with a key this node does not have: add "
                    + "it to instanceha.secrets.previous-keys (or previous-key-files).");
        }
    }

    private void refuseOrWarn(String problem) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(problem);
        }
        log.warn(problem);
    }
}
