package org.revflow.testsupport;

import com.github.benmanes.caffeine.cache.Cache;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.revflow.config.FailureWindow;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The throttles of the shared test context (the action pages' and the sign-in's), seen from the
 * tests: every test signs in and follows links from 127.0.0.1, so one test's failed attempts would
 * count against the next one's. They are read through their private state on purpose: the product
 * has no way to forget failures early, and carries no method that only tests call.
 */
@Component
public class Throttles {

  /** The beans that count failures: {@code ActionThrottle} and the API's {@code SignInThrottle}. */
  private static final List<String> BEANS = List.of("actionThrottle", "signInThrottle");

  private final ApplicationContext context;

  Throttles(ApplicationContext context) {
    this.context = context;
  }

  /** Forgets every failure counted so far: the test starts from a clean slate. */
  public void forgetFailures() {
    for (String name : BEANS) {
      if (context.containsBean(name)) {
        windowsOf(context.getBean(name)).forEach(w -> cacheOf(w).invalidateAll());
      }
    }
  }

  /** Client keys a throttle holds now, over all its windows (tests of its memory bound). */
  public static long keysHeld(Object throttle) {
    long keys = 0;
    for (FailureWindow window : windowsOf(throttle)) {
      Cache<?, ?> cache = cacheOf(window);
      cache.cleanUp();
      keys += cache.estimatedSize();
    }
    return keys;
  }

  private static List<FailureWindow> windowsOf(Object throttle) {
    List<FailureWindow> windows = new ArrayList<>();
    for (Field field : throttle.getClass().getDeclaredFields()) {
      if (field.getType() == FailureWindow.class) {
        windows.add((FailureWindow) ReflectionTestUtils.getField(throttle, field.getName()));
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalStateException(
          throttle.getClass().getName() + " holds no FailureWindow any more: update Throttles");
    }
    return windows;
  }

  private static Cache<?, ?> cacheOf(FailureWindow window) {
    return (Cache<?, ?>) ReflectionTestUtils.getField(window, "failures");
  }
}
