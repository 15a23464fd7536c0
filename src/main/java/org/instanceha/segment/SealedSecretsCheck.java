package org.instanceha.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * At start: hosts whose BMC passwords are stored sealed need the key they were sealed with. Under the
 * {@code prod} profile a node without a key refuses to start (it could not fence those hosts); elsewhere it
 * says so in the log.
 */
@Component
class SealedSecretsCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SealedSecretsCheck.class);

    private final SecretBox secrets;
    private final HostRepository hosts;
    private final Environment environment;

    SealedSecretsCheck(SecretBox secrets, HostRepository hosts, Environment environment) {
        this.secrets = secrets;
        this.hosts = hosts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        long sealed = secrets.hasKey() ? 0 : hosts.withSealedSecrets();
        if (sealed == 0) {
            return;
        }
        String problem = sealed + " host(s) keep a BMC password sealed with a key, and no key is configured: set "
                + "instanceha.secrets.key (or instanceha.secrets.key-file) to the key they were stored with.";
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(problem);
        }
        log.warn(problem);
    }
}
