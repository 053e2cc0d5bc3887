package org.revflow.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The transaction this method starts is run again, whole, when MySQL chose it as a deadlock victim
 * or its lock wait timed out, or a concurrent transaction inserted the same unique key first
 * ({@link LockConflictRetry}). Only for methods whose every effect is in that transaction (or sent
 * after its commit, as process messages are through the outbox): a method that called the engine
 * inside its transaction would call it again on every run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnLockConflict {}
