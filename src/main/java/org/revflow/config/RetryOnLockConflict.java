package org.revflow.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The transaction this method starts is run again, whole, when MySQL chose it as a deadlock victim
 * or its lock wait timed out, or a concurrent transaction inserted the same unique key first
 * ({@link LockConflictRetry}). Only for methods whose every effect is in
 * that transaction (or sent after its commit): a method that calls the engine inside its transaction
 * (the launch starts a process instance) must not carry it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnLockConflict {}
