-- Action links work once: a confirmation inserts the digest of its token here in the same
-- transaction as the event it records, so a second confirmation of the same link (even a
-- concurrent one) fails on the primary key and records nothing.
CREATE TABLE action_link_use (
  token_digest   CHAR(64)      NOT NULL,
  review_id      VARCHAR(40)   NOT NULL,
  step_id        BIGINT        NOT NULL,
  state_code     CHAR(3)       NOT NULL,
  person_id      BIGINT        NOT NULL,
  event_type     VARCHAR(40)   NOT NULL,
  event_id       BIGINT        NULL,
  client_address VARCHAR(64)   NULL,
  used_at        TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (token_digest)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_action_link_use_review ON action_link_use (review_id);
