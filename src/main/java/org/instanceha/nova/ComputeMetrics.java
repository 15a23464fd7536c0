package org.instanceha.nova;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Times every call of the {@link Compute} port: {@code instanceha_nova_request_seconds} by
 * {@code operation} (the port's method: evacuate, serversOnHost, ...) and {@code outcome} ({@code ok},
 * or {@code error} with the HTTP status Nova answered, 0 when it could not be reached). At DEBUG
 * ({@code logging.level.org.instanceha.nova.ComputeMetrics=DEBUG}) it also logs each call and its time,
 * to tell which call a slow recovery waited for.
 */
@Component
public class ComputeMetrics implements BeanPostProcessor {

    static final String NAME = "instanceha.nova.request";
    private static final Logger log = LoggerFactory.getLogger(ComputeMetrics.class);

    /** Histogram buckets for the latency quantiles, from a quick read to a call that ran into its timeout. */
    static final java.time.Duration[] BUCKETS = java.util.stream.Stream.of(25, 50, 100, 250, 500, 1000, 2500, 5000,
            10000, 15000).map(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);

    private final ObjectProvider<MeterRegistry> registry;

    public ComputeMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Compute compute)) {
            return bean;
        }
        InvocationHandler timed = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(compute, args);
            }
            long start = System.nanoTime();
            String outcome = "ok";
            String status = "";
            try {
                return method.invoke(compute, args);
            } catch (InvocationTargetException e) {
                outcome = "error";
                status = e.getCause() instanceof ComputeException c ? Integer.toString(c.status()) : "0";
                throw e.getCause();
            } finally {
                long took = System.nanoTime() - start;
                MeterRegistry meters = registry.getIfAvailable();
                if (meters != null) {
                    Timer.builder(NAME).description("Calls of Nova (and Keystone) through the Compute port")
                            .tag("operation", method.getName()).tag("outcome", outcome).tag("status", status)
                            .serviceLevelObjectives(BUCKETS).register(meters).record(took, TimeUnit.NANOSECONDS);
                }
                if (log.isDebugEnabled()) {
                    log.debug("Nova {}: {} in {} ms", method.getName(), status.isEmpty() ? outcome : outcome + " " + status,
                            TimeUnit.NANOSECONDS.toMillis(took));
                }
            }
        };
        return Proxy.newProxyInstance(Compute.class.getClassLoader(), new Class<?>[] {Compute.class}, timed);
    }
}
