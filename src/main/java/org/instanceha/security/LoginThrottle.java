package org.instanceha.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.masakari.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing on every route that checks a password (HTTP Basic on {@code /v1} and
 * {@code /engine-rest}, the dashboard's logins, the Camunda webapps' login), per user and address and per
 * address, with Bucket4j token buckets of wrong tries ({@link LoginThrottleProperties}). A try within the free
 * tries is checked at once; beyond them it waits for its turn before it is checked; one that would wait longer
 * than {@code max-wait}, or finds others of its key waiting already, is answered 429 with Retry-After, its password
 * unchecked. A right password gives its tries back (all of them for its user and address), so a typo costs
 * nothing.
 * <p>
 * Nothing is keyed on a user alone: whoever could refuse a user's right password from anywhere could stop
 * every monitor that reports as that user (the rule of {@link NoLoginLockout}). Guessing one user from many
 * addresses is logged and counted ({@link FailedLogins}, {@code instanceha_login_failures_total}).
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEYS = 100_000;

    private record Entry(Bucket bucket, AtomicInteger waiting) {
    }

    private final LoginThrottleProperties properties;
    private final MeterRegistry meters;
    private final Cache<String, Entry> byUserAndAddress;
    private final Cache<String, Entry> byAddress;
    private final Cache<String, Boolean> loggedLately;

    public LoginThrottle(LoginThrottleProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        Duration keep = properties.period().multipliedBy(61);
        this.byUserAndAddress = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(keep).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(keep).build();
        this.loggedLately = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(Duration.ofMinutes(1)).build();
        meters.counter("instanceha_login_failures_total");
        meters.counter("instanceha_login_tries_throttled_total", "how", "waited");
        meters.counter("instanceha_login_tries_throttled_total", "how", "refused");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = LoginAttempts.user(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Entry mine = byUserAndAddress.get(user + "\n" + address, k -> entry(properties.freeTries()));
        Entry theirs = byAddress.get(address, k -> entry(properties.addressFreeTries()));
        Duration refused = admit(mine, user, address);
        if (refused == null) {
            refused = admit(theirs, user, address);
            if (refused != null) {
                mine.bucket().addTokens(1);
            }
        }
        if (refused != null) {
            refuse(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
        if (LoginAttempts.failed(request, response)) {
            meters.counter("instanceha_login_failures_total").increment();
        } else {
            mine.bucket().reset();
            theirs.bucket().addTokens(1);
        }
    }

    private Entry entry(int freeTries) {
        long period = properties.period().toNanos();
        return new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(freeTries).refillGreedy(freeTries, Duration.ofNanos(period))
                        .build())
                .addLimit(Bandwidth.builder().capacity(4L * freeTries)
                        .refillGreedy(4L * freeTries, Duration.ofNanos(period * 60)).build())
                .build(), new AtomicInteger());
    }

    /** Takes a try from the bucket, waiting for it if it may; the time to wait when it is refused, else null. */
    private Duration admit(Entry entry, String user, String address) {
        if (entry.bucket().tryConsume(1)) {
            return null;
        }
        long nanos = entry.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        Duration wait = Duration.ofNanos(nanos);
        if (wait.compareTo(properties.maxWait()) > 0 || entry.waiting().incrementAndGet() > properties.waitingTries()) {
            if (wait.compareTo(properties.maxWait()) <= 0) {
                entry.waiting().decrementAndGet();
            }
            say("refused", user, address, wait);
            return wait;
        }
        try {
            say("waited", user, address, wait);
            if (entry.bucket().asBlocking().tryConsume(1, properties.maxWait())) {
                return null;
            }
            return properties.maxWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return properties.maxWait();
        } finally {
            entry.waiting().decrementAndGet();
        }
    }

    private void say(String how, String user, String address, Duration wait) {
        meters.counter("instanceha_login_tries_throttled_total", "how", how).increment();
        String shown = user.length() > 64 ? user.substring(0, 64) + "..." : user;
        if (loggedLately.asMap().putIfAbsent(how + "\n" + shown + "\n" + address, Boolean.TRUE) == null) {
            log.warn("Password tries of user '{}' from {} are {}: too many wrong ones lately ({} s to the next free "
                    + "try; at most one such line a minute)", shown, address, how.equals("waited") ? "held back"
                    : "refused for now", Math.max(1, wait.toSeconds()));
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0));
        response.setHeader("Retry-After", Long.toString(seconds));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/dashboard/")) {
            response.sendRedirect(request.getContextPath() + "/dashboard/login?throttled=" + seconds);
            return;
        }
        Faults.write(response, 429, "Too many wrong passwords from this address lately: try again in " + seconds
                + " s.");
    }

    /** Which requests try a password, as whom, and whether the password was wrong. */
    static final class LoginAttempts {

        private LoginAttempts() {
        }

        /** The user a request tries a password for; null when it tries none. */
        static String user(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon < 0 ? decoded : decoded.substring(0, colon);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
            if (!"POST".equals(request.getMethod())) {
                return null;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/dashboard/login")) {
                return String.valueOf(request.getParameter("username"));
            }
            if (path.equals("/dashboard/project-login")) {
                return "openstack:" + request.getParameter("username");
            }
            if (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/")) {
                return String.valueOf(request.getParameter("username"));
            }
            return null;
        }

        static boolean failed(HttpServletRequest request, HttpServletResponse response) {
            if (response.getStatus() == 401) {
                return true;
            }
            String location = response.getHeader("Location");
            return location != null && (location.endsWith("/dashboard/login?error")
                    || location.endsWith("projectError=credentials"));
        }
    }
}
