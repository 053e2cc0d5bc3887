package org.revflow.process;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** JPQL, not derived queries: Hibernate caches a JPQL string's plan, not a derived query's. */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {
  @Query("select m from OutboxMessage m where m.publishedAt is null order by m.id")
  List<OutboxMessage> findByPublishedAtIsNullOrderById(Limit limit);

  @Query("select count(m) from OutboxMessage m where m.publishedAt is null")
  long countByPublishedAtIsNull();

  /** Whether the row is still to publish, read fresh (under the scope's lock, in a transaction). */
  @Query("select count(m) > 0 from OutboxMessage m where m.id = :id and m.publishedAt is null")
  boolean pending(long id);

  @Modifying
  @Query("update OutboxMessage m set m.publishedAt = :at, m.attempts = m.attempts + 1, m.lastError = null where m.id = :id")
  int markPublished(long id, Instant at);

  @Modifying
  @Query("update OutboxMessage m set m.attempts = m.attempts + 1, m.lastError = :error where m.id = :id")
  int markFailed(long id, String error);
}
