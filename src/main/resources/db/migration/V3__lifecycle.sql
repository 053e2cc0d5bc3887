-- Lifecycle: every occurrence of a step (per acting State, per round) with its deadline and the
-- state of its ladder, and every event recorded on a review.
CREATE TABLE review_step (
  id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  review_id              VARCHAR(40)  NOT NULL,
  step                   VARCHAR(40)  NOT NULL,
  state_code             VARCHAR(3)      NULL,
  round_no               INT          NOT NULL DEFAULT 1,
  status                 VARCHAR(20)  NOT NULL,
  started_on             DATE         NOT NULL,
  due_on                 DATE         NOT NULL,
  original_due_on        DATE         NOT NULL,
  deadline_revision      INT          NOT NULL DEFAULT 0,
  floor_exclusive        DATE         NULL,
  paused                 BOOLEAN      NOT NULL DEFAULT FALSE,
  done_on                DATE         NULL,
  outcome                VARCHAR(40)  NULL,
  -- The engine's element instance of the "Open step" job: a retried job finds its row again.
  opened_by_element      BIGINT       NOT NULL,
  process_instance_key   BIGINT       NOT NULL,
  version                BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_step_review FOREIGN KEY (review_id) REFERENCES review (id),
  CONSTRAINT uq_step_opened_by UNIQUE (opened_by_element)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_step_review_open ON review_step (review_id, status, step);

CREATE TABLE review_event (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  review_id      VARCHAR(40)   NOT NULL,
  type           VARCHAR(40)   NOT NULL,
  state_code     VARCHAR(3)       NULL,
  step           VARCHAR(40)   NULL,
  occurred_on    DATE          NOT NULL,
  reference      VARCHAR(200)  NULL,
  details        VARCHAR(4000) NULL,
  recorded_at    TIMESTAMP(6)  NOT NULL,
  recorded_by    VARCHAR(100)  NOT NULL,
  CONSTRAINT fk_event_review FOREIGN KEY (review_id) REFERENCES review (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_event_review ON review_event (review_id, id);

-- Messages to the engine, written in the same transaction as the change that causes them and
-- published after commit (again by a sweeper until the engine accepts them): a review never moves
-- in MySQL without its process hearing of it, nor the other way round.
CREATE TABLE process_outbox (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_name     VARCHAR(100)  NOT NULL,
  correlation_key  VARCHAR(100)  NOT NULL,
  message_id       VARCHAR(150)  NOT NULL,
  variables        VARCHAR(4000) NOT NULL,
  ttl_seconds      INT           NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  published_at     TIMESTAMP(6)  NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  last_error       VARCHAR(1000) NULL,
  CONSTRAINT uq_outbox_message_id UNIQUE (message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outbox_pending ON process_outbox (published_at, id);
