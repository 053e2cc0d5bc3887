-- Reviews and who takes part in them. Owned by the review feature; the registry references it.
CREATE TABLE review (
  id                    VARCHAR(40)  NOT NULL PRIMARY KEY,
  under_review          VARCHAR(3)      NOT NULL,
  phase                 INT          NOT NULL,
  launch_date           DATE         NOT NULL,
  rulebook_version      VARCHAR(40)  NOT NULL,
  status                VARCHAR(20)  NOT NULL,
  on_hold_since         DATE         NULL,
  process_instance_key  BIGINT       NULL,
  previous_review_id    VARCHAR(40)  NULL,
  created_at            TIMESTAMP(6) NOT NULL,
  created_by            VARCHAR(100) NOT NULL,
  version               BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_review_state_phase UNIQUE (under_review, phase, launch_date),
  CONSTRAINT ck_review_phase CHECK (phase BETWEEN 1 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_review_under_review ON review (under_review);

-- One row per State taking part: the reviewed State, and each reviewing State per instrument.
-- A replaced reviewer keeps its row (active = false) so history stays readable.
CREATE TABLE review_participant (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  review_id     VARCHAR(40)  NOT NULL,
  state_code    VARCHAR(3)      NOT NULL,
  role          VARCHAR(20)  NOT NULL,
  instrument    VARCHAR(20)  NULL,
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  joined_on     DATE         NOT NULL,
  left_on       DATE         NULL,
  left_reason   VARCHAR(500) NULL,
  CONSTRAINT fk_participant_review FOREIGN KEY (review_id) REFERENCES review (id),
  CONSTRAINT uq_participant UNIQUE (review_id, state_code, role, instrument)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_participant_state ON review_participant (state_code);
