package org.revflow.process;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** JPQL, not derived queries: Hibernate caches a JPQL string's plan, not a derived query's. */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {
  @Query("select m from OutboxMessage m where m.publishedAt is null order by m.id")
  List<OutboxMessage> findByPublishedAtIsNullOrderById(Limit limit);

  @Query("select count(m) from OutboxMessage m where m.publishedAt is null")
  long countByPublishedAtIsNull();
}
