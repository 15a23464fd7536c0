package org.instanceha.masakari;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The policy rule that guards a v1 handler, under Masakari's name where Masakari has one. A v1 handler
 * without it answers 403 to everyone ({@link PolicyCheck}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PolicyRule {
    String value();
}
