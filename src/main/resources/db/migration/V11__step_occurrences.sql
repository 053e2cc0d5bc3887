-- What a step occurrence is, beyond its step: the dialogue has a window (no State owes anything by
-- its end) and one round per clarification request; a focal point who leaves without a successor
-- opens a vacancy of the focal-point step. Rounds, vacancies and the steps of a State that joins a
-- review are written by the event that causes them, before any process instance has opened them.
ALTER TABLE review_step
  ADD COLUMN occurrence VARCHAR(30) NOT NULL DEFAULT 'STEP' AFTER round_no,
  ADD COLUMN requested_by VARCHAR(3) NULL AFTER occurrence,
  MODIFY COLUMN opened_by_element BIGINT NULL,
  MODIFY COLUMN process_instance_key BIGINT NULL;
