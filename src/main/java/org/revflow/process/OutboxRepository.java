package org.revflow.process;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {
  List<OutboxMessage> findByPublishedAtIsNullOrderById(Limit limit);

  long countByPublishedAtIsNull();
}
