package org.revflow.testsupport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Drops the in-memory engine's log below a position that everyone has read, as a broker compacts
 * its log once a snapshot holds the state. The in-memory engine has no snapshots and keeps every
 * record it ever wrote (several MiB per review of a phase): for a long run that measures RevFlow's
 * memory, that is the test engine's cost, not RevFlow's, nor a broker's.
 *
 * <p>Only for runs that never read old records again: the engine's {@code RecordStreamSource} (and
 * anything built on it, such as the process test assertions) must not be used after a compaction.
 * Part of {@link ZeebeProcessTestEngine}.
 */
final class EngineLogCompaction {

  private final List<ByteBuffer> entries;
  private final ConcurrentSkipListMap<Long, Integer> indexByPosition;
  private int droppedBelow;

  @SuppressWarnings("unchecked")
  EngineLogCompaction(Object logStream) {
    try {
      Object storage = field(logStream, "logStorage");
      this.entries = (List<ByteBuffer>) field(storage, "logEntries");
      this.indexByPosition =
          (ConcurrentSkipListMap<Long, Integer>) field(storage, "positionIndexMapping");
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach the in-memory engine's log (engine version changed?)", e);
    }
  }

  /**
   * Drops the log blocks that lie wholly before {@code position} (the lowest position any reader
   * still needs); returns how many blocks were dropped.
   */
  synchronized int compactBelow(long position) {
    // A reader seeking to a position starts at the block mapped just below it: that block is kept,
    // and its mapping, so that seeking to any position from here on finds what it reads.
    Map.Entry<Long, Integer> holding = indexByPosition.lowerEntry(position);
    if (holding == null) {
      return 0;
    }
    int keepFrom = holding.getValue() - 1; // the mapping holds 1-based indexes
    int dropped = 0;
    for (int i = droppedBelow; i < keepFrom; i++) {
      entries.set(i, null);
      dropped++;
    }
    droppedBelow = Math.max(droppedBelow, keepFrom);
    indexByPosition.headMap(holding.getKey(), false).clear();
    return dropped;
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    var field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
