-- The notice log: one row per notice and addressee. The unique dedup key is the whole
-- exactly-once story: a retried or duplicated job finds its row and never sends a second copy.
CREATE TABLE notice (
  id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dedup_key        VARCHAR(400)   NOT NULL,
  review_id        VARCHAR(40)    NOT NULL,
  step_id          BIGINT         NULL,
  notice_key       VARCHAR(150)   NOT NULL,
  kind             VARCHAR(40)    NOT NULL,
  step             VARCHAR(40)    NULL,
  state_code       VARCHAR(3)        NULL,
  addressee_email  VARCHAR(254)   NOT NULL,
  addressee_role   VARCHAR(40)    NOT NULL,
  cc               VARCHAR(2000)  NULL,
  language         VARCHAR(2)        NOT NULL,
  due_on           DATE           NULL,
  subject          VARCHAR(500)   NULL,
  status           VARCHAR(20)    NOT NULL,
  attempts         INT            NOT NULL DEFAULT 0,
  claimed_until    TIMESTAMP(6)   NULL,
  failure_reason   VARCHAR(1000)  NULL,
  smtp_message_id  VARCHAR(300)   NULL,
  job_key          BIGINT         NOT NULL,
  created_at       TIMESTAMP(6)   NOT NULL,
  sent_at          TIMESTAMP(6)   NULL,
  sent_on          DATE           NULL,
  CONSTRAINT uq_notice_dedup UNIQUE (dedup_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notice_review ON notice (review_id, id);
CREATE INDEX ix_notice_addressee ON notice (addressee_email, id);
