package org.instanceha.recovery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variables a task's delegate reads: the inputs its element template may declare, and all that the
 * task may read through {@link TaskRun} (reading another one fails the task, so this list cannot fall
 * behind the code). A model that gives the task an input mapping it does not read is refused at
 * deployment ({@link ModelChecks}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Reads {

    String[] value();
}
