-- Registry: States parties, people, roles (who acts for whom) and the audit of draws.
-- Role changes for a State are serialised by SELECT ... FOR UPDATE on its registry_state row.
-- State codes are VARCHAR(3): MariaDB refuses CHAR columns in generated-column expressions.
-- Owned by the registry feature. Times are UTC (DATETIME(6), written through hibernate.jdbc.time_zone=UTC
-- and connectionTimeZone=UTC), so no TIMESTAMP range or auto-update surprises.

-- A State party. regional_group is NULL for a State in no UN regional group (Kiribati); draw_group then
-- names the group it is drawn with. Instrument participation is secretariat data; instruments_source
-- says where the current values came from (EXAMPLE until the secretariat records real data).
CREATE TABLE registry_state (
  code                     VARCHAR(3)      NOT NULL PRIMARY KEY,
  regional_group           VARCHAR(40)  NULL,
  draw_group               VARCHAR(40)  NULL,
  un_member                BOOLEAN      NOT NULL DEFAULT FALSE,
  party_convention         BOOLEAN      NOT NULL DEFAULT TRUE,
  party_trafficking        BOOLEAN      NOT NULL DEFAULT FALSE,
  party_smuggling          BOOLEAN      NOT NULL DEFAULT FALSE,
  party_firearms           BOOLEAN      NOT NULL DEFAULT FALSE,
  instruments_source       VARCHAR(20)  NOT NULL DEFAULT 'DEFAULT',
  instruments_updated_at   DATETIME(6)  NULL,
  instruments_updated_by   VARCHAR(100) NULL,
  created_at               DATETIME(6)  NOT NULL,
  updated_at               DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person. Email is stored lower-cased and is the identity (unique).
CREATE TABLE registry_person (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  email       VARCHAR(254) NOT NULL,
  language    CHAR(2)      NOT NULL,
  time_zone   VARCHAR(64)  NULL,
  created_at  DATETIME(6)  NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  updated_at  DATETIME(6)  NOT NULL,
  updated_by  VARCHAR(100) NOT NULL,
  CONSTRAINT uq_person_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Permanent representative of a State over time: [valid_from, valid_to), valid_to NULL while current.
CREATE TABLE registry_permanent_rep (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  state_code  VARCHAR(3)      NOT NULL,
  person_id   BIGINT       NOT NULL,
  valid_from  DATETIME(6)  NOT NULL,
  valid_to    DATETIME(6)  NULL,
  created_at  DATETIME(6)  NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  ended_by    VARCHAR(100) NULL,
  -- At most one open row per State, enforced by the database as well as by the service's lock.
  open_key    VARCHAR(3) AS (CASE WHEN valid_to IS NULL THEN state_code END) STORED,
  CONSTRAINT fk_pr_state FOREIGN KEY (state_code) REFERENCES registry_state (code),
  CONSTRAINT fk_pr_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT uq_pr_open UNIQUE (open_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_pr_state_time ON registry_permanent_rep (state_code, valid_from);

-- A role in a review for a State: FOCAL_POINT, EXPERT or OBSERVER, over [valid_from, valid_to).
-- Rows are never deleted: the table is the history. name_as_designated keeps the name written in the
-- note verbale even when the person row (found by email) carries another spelling.
CREATE TABLE registry_designation (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  review_id           VARCHAR(40)  NOT NULL,
  state_code          VARCHAR(3)      NOT NULL,
  role                VARCHAR(20)  NOT NULL,
  person_id           BIGINT       NOT NULL,
  name_as_designated  VARCHAR(200) NOT NULL,
  note_verbale_ref    VARCHAR(100) NOT NULL,
  received_on         DATE         NOT NULL,
  valid_from          DATETIME(6)  NOT NULL,
  valid_to            DATETIME(6)  NULL,
  replaced_by_id      BIGINT       NULL,
  end_note_verbale    VARCHAR(100) NULL,
  end_reason          VARCHAR(500) NULL,
  created_at          DATETIME(6)  NOT NULL,
  created_by          VARCHAR(100) NOT NULL,
  ended_by            VARCHAR(100) NULL,
  -- One open focal point per review and State: the database refuses a second one whatever the caller.
  open_fp_key         VARCHAR(44) AS (CASE WHEN role = 'FOCAL_POINT' AND valid_to IS NULL
                                           THEN CONCAT(review_id, '|', state_code) END) STORED,
  CONSTRAINT fk_des_review FOREIGN KEY (review_id) REFERENCES review (id),
  CONSTRAINT fk_des_state FOREIGN KEY (state_code) REFERENCES registry_state (code),
  CONSTRAINT fk_des_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT fk_des_replaced_by FOREIGN KEY (replaced_by_id) REFERENCES registry_designation (id),
  CONSTRAINT uq_des_open_fp UNIQUE (open_fp_key),
  CONSTRAINT ck_des_role CHECK (role IN ('FOCAL_POINT', 'EXPERT', 'OBSERVER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_des_review_state ON registry_designation (review_id, state_code, role, valid_from);
CREATE INDEX ix_des_person ON registry_designation (person_id);

-- Audit of draws: the exact input (canonical JSON) and its SHA-256, the seed, and the result.
-- A redraw is a new row pointing at the draw it amends; the earlier row is never changed.
CREATE TABLE registry_draw (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_draw_id  BIGINT       NULL,
  phase           TINYINT      NULL,
  seed            BIGINT       NOT NULL,
  input_digest    CHAR(64)     NOT NULL,
  input_json      LONGTEXT     NOT NULL,
  solver          VARCHAR(60)  NOT NULL,
  reason          VARCHAR(500) NULL,
  created_at      DATETIME(6)  NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  CONSTRAINT fk_draw_parent FOREIGN KEY (parent_draw_id) REFERENCES registry_draw (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per reviewing State of a reviewed State in a draw; instruments lists what it reviews.
CREATE TABLE registry_draw_assignment (
  draw_id         BIGINT       NOT NULL,
  reviewed_state  VARCHAR(3)      NOT NULL,
  reviewer_state  VARCHAR(3)      NOT NULL,
  slot            VARCHAR(30)  NOT NULL,
  instruments     VARCHAR(100) NOT NULL,
  PRIMARY KEY (draw_id, reviewed_state, reviewer_state),
  CONSTRAINT fk_assign_draw FOREIGN KEY (draw_id) REFERENCES registry_draw (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
