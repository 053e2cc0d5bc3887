-- A notice row remembers which State's role its addressee held (and who that person was), so that a
-- retried notice can tell whether the addressee still holds the role: if not, the row is
-- SUPERSEDED and today's holder of the same role gets the notice (NoticeService). Rows written
-- before this migration have neither; for them the notice's own State stands in.
ALTER TABLE notice
  ADD COLUMN addressee_state VARCHAR(3) NULL,
  ADD COLUMN person_id BIGINT NULL;
