package org.revflow.config;

import java.util.concurrent.ThreadLocalRandom;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a {@link RetryOnLockConflict} transaction again when InnoDB rolled it back for a deadlock or
 * a lock wait time-out, as MySQL asks ("try restarting transaction"), or when a row it inserted
 * under a unique key was inserted by another transaction in the meantime. Two secretariat users
 * designating focal points at the same moment can deadlock on the designation index's gap locks, or
 * both create the same new person; neither did anything wrong, and the second try, in a new
 * transaction, sees the other's committed rows (a genuine duplicate fails again, the same way,
 * after the last try). Ordered before the transaction advice, so that each try is a whole new
 * transaction; a call inside a running transaction is left to the outermost one.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LockConflictRetry {

  private static final Logger log = LoggerFactory.getLogger(LockConflictRetry.class);
  static final int ATTEMPTS = 4;

  @Around("@annotation(org.revflow.config.RetryOnLockConflict)")
  public Object retry(ProceedingJoinPoint call) throws Throwable {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return call.proceed();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return call.proceed();
      } catch (PessimisticLockingFailureException | DuplicateKeyException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
        log.info(
            "{} lost a lock conflict (attempt {} of {}), running it again: {}",
            call.getSignature().toShortString(),
            attempt,
            ATTEMPTS,
            LogSafe.redact(
                conflict.getMostSpecificCause().getMessage())); // a duplicate key may be an address
        // A random pause, growing: the transactions that met are not in step the next time.
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40L << attempt));
      }
    }
  }
}
