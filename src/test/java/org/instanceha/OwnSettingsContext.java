package org.instanceha;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A second application context, for the scenarios that need settings the other tests must not have:
 * no force-down (with a short wait for Nova), the periodic check for stranded notifications on, a host
 * with a BMC powered on again after its recovery, and the host monitor in mode {@code observe}.
 * It gets a database of its own (an in-memory H2, also in the PostgreSQL pass), or its job executor
 * would take the jobs of the other tests' context, and an engine name of its own, or it would replace
 * theirs as Camunda's "default" engine, the one their engine-rest calls reach (Camunda refuses names
 * with hyphens). Test classes that carry it share the one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "instanceha.recovery.force-down=false",
        "instanceha.recovery.service-down-timeout=4s",
        "instanceha.recovery.stranded-check-interval=1s",
        "instanceha.fencing.power-on-after-recovery=true",
        "instanceha.detection.mode=observe",
        "spring.datasource.url=jdbc:h2:mem:instanceha-own-settings;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "camunda.bpm.process-engine-name=ownSettings"})
public @interface OwnSettingsContext {
}
