package org.instanceha.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.auth.login-throttle.*}: how password guessing is slowed ({@link LoginThrottle}).
 *
 * @param freeTries        wrong passwords per user and address that are answered at once within {@code period}
 * @param addressFreeTries the same per address, whatever the user
 * @param period           the free tries come back over it; beyond them, a try waits {@code period / freeTries},
 *                         and beyond four times them within sixty periods, sixty times longer
 * @param maxWait          the longest a try is held before it is answered; one that would wait longer is answered
 *                         429 with Retry-After, its password unchecked
 * @param waitingTries     how many tries of one user and address, or one address, may wait at once; more are
 *                         answered 429 (a try that waits holds a server thread)
 */
@ConfigurationProperties("instanceha.auth.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int freeTries,
        @DefaultValue("20") int addressFreeTries,
        @DefaultValue("1m") Duration period,
        @DefaultValue("15s") Duration maxWait,
        @DefaultValue("2") int waitingTries) {

    public LoginThrottleProperties {
        if (freeTries < 1 || addressFreeTries < 1 || waitingTries < 0 || period.isNegative() || period.isZero()
                || maxWait.isNegative()) {
            throw new IllegalArgumentException("instanceha.auth.login-throttle: free-tries and address-free-tries "
                    + "must be at least 1, period positive, max-wait and waiting-tries not negative.");
        }
    }
}
