-- Phases by the multi-year workplan: a review exists from the day it is planned (status PLANNED,
-- WAITING_FOR_DRAW while its reviewing States are not drawn on its date, CANCELLED), with the date
-- it was planned for and the group of States it belongs to.
ALTER TABLE review
  ADD COLUMN planned_on DATE NULL AFTER launch_date,
  ADD COLUMN review_group INT NULL AFTER planned_on,
  ADD COLUMN plan_process_instance_key BIGINT NULL AFTER process_instance_key;

CREATE INDEX ix_review_state_phase ON review (under_review, phase);

-- Every deadline a step has had, from the day it changed: the status report for a past date reads
-- the deadline as it stood on that date.
CREATE TABLE review_step_revision (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  step_id     BIGINT       NOT NULL,
  changed_on  DATE         NOT NULL,
  due_on      DATE         NOT NULL,
  CONSTRAINT fk_revision_step FOREIGN KEY (step_id) REFERENCES review_step (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_revision_step ON review_step_revision (step_id, changed_on);
