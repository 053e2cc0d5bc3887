package org.revflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class LockConflictRetryTest {

  static class Designations {
    final AtomicInteger calls = new AtomicInteger();
    int conflictsFirst;

    @RetryOnLockConflict
    public String designate() {
      if (calls.incrementAndGet() <= conflictsFirst) {
        throw new CannotAcquireLockException(
            "Deadlock found when trying to get lock; try restarting transaction");
      }
      return "designated";
    }

    @RetryOnLockConflict
    public String samePersonCreatedConcurrently() {
      if (calls.incrementAndGet() == 1) {
        throw new org.springframework.dao.DuplicateKeyException(
            "Duplicate entry 'fp@com.example' for key 'uq_person_email'");
      }
      return "found the person the other transaction created";
    }

    @RetryOnLockConflict
    public String duplicate() {
      calls.incrementAndGet();
      throw new DataIntegrityViolationException("duplicate key");
    }

    public String unmarked() {
      calls.incrementAndGet();
      throw new CannotAcquireLockException("deadlock");
    }
  }

  private static Designations proxied(Designations target) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.setProxyTargetClass(true);
    factory.addAspect(new LockConflictRetry());
    return factory.getProxy();
  }

  @Test
  void aDeadlockVictimIsRunAgainAndSucceeds() {
    Designations target = new Designations();
    target.conflictsFirst = 2;
    assertThat(proxied(target).designate()).isEqualTo("designated");
    assertThat(target.calls).hasValue(3);
  }

  @Test
  void givesUpAfterItsAttemptsWithTheConflict() {
    Designations target = new Designations();
    target.conflictsFirst = 100;
    assertThatThrownBy(() -> proxied(target).designate())
        .isInstanceOf(CannotAcquireLockException.class);
    assertThat(target.calls).hasValue(LockConflictRetry.ATTEMPTS);
  }

  @Test
  void aUniqueKeyInsertedConcurrentlyIsRunAgain() {
    Designations target = new Designations();
    assertThat(proxied(target).samePersonCreatedConcurrently()).startsWith("found");
    assertThat(target.calls).hasValue(2);
  }

  @Test
  void otherFailuresAndUnmarkedMethodsAreNotRetried() {
    Designations target = new Designations();
    assertThatThrownBy(() -> proxied(target).duplicate())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(target.calls).hasValue(1);
    assertThatThrownBy(() -> proxied(target).unmarked())
        .isInstanceOf(CannotAcquireLockException.class);
    assertThat(target.calls).hasValue(2);
  }
}
