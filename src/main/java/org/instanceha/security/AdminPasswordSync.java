package org.instanceha.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The engine creates the configured administrator once and never touches it again; this keeps its
 * password equal to the configured one, so that rotating {@code instanceha.auth.admin-password}
 * takes effect at the next start, and lifts any lock an earlier version's engine put on it after
 * wrong passwords: a start with the configured password always lets the administrator in.
 */
@Component
public class AdminPasswordSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordSync.class);

    private final IdentityService identityService;
    private final AuthProperties auth;

    public AdminPasswordSync(IdentityService identityService, AuthProperties auth) {
        this.identityService = identityService;
        this.auth = auth;
    }

    @Override
    public void run(ApplicationArguments args) {
        User admin = identityService.createUserQuery().userId(auth.adminUser()).singleResult();
        if (admin == null) {
            return;
        }
        identityService.unlockUser(auth.adminUser());
        if (!identityService.checkPassword(auth.adminUser(), auth.adminPassword())) {
            admin.setPassword(auth.adminPassword());
            identityService.saveUser(admin);
            log.info("Administrator {}: password updated to the configured one", auth.adminUser());
        }
    }
}
