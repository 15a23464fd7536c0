package org.instanceha.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Turns off the engine's lock of a user after wrong passwords. Camunda delays the next login after
 * each wrong password (during the delay the right one is refused too) and locks the user for good
 * after ten; since /v1, engine-rest and the webapps all check passwords through it, ten anonymous
 * {@code curl -u admin:x} calls would stop every monitor that reports as admin, and with it every
 * recovery. Here a right password is never refused for a user's sake; guessing is answered by the password
 * rules of the {@code prod} profile (at least 12 characters, no well-known defaults), by the
 * log of wrong attempts ({@link FailedLogins}) and by the throttle per user and address ({@link LoginThrottle}).
 */
@Component
public class NoLoginLockout implements ProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
