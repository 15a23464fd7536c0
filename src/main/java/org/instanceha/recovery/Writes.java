package org.instanceha.recovery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variables a task's delegate writes, beside those it reads ({@link Reads}): all that the task may set
 * through {@link TaskRun} (setting another one fails the task, so this list cannot fall behind the code).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Writes {

    String[] value();
}
