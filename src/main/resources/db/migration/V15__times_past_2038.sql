-- MySQL and MariaDB keep a TIMESTAMP only up to 2038-01-19 03:14:07 UTC: from then on every write of
-- these columns fails (strict mode), and with it every event recorded, notice sent and message
-- published. A review mechanism planned in two-year phases reaches that date within its life (a
-- test run that walked its clock there stopped publishing to the engine). DATETIME(6) keeps any
-- date, as the registry's columns (V2) always have; the application writes and reads them as UTC,
-- and sends them as text (client-side prepared statements, application.yaml).
--
-- No SET time_zone here on purpose: converting a TIMESTAMP to a DATETIME keeps the value as this
-- session sees it, in the server's time zone, which is also how the application's sessions wrote and
-- read it. The values read afterwards are exactly those read before.
ALTER TABLE review
  MODIFY created_at DATETIME(6) NOT NULL;

ALTER TABLE review_event
  MODIFY recorded_at DATETIME(6) NOT NULL;

ALTER TABLE process_outbox
  MODIFY created_at DATETIME(6) NOT NULL,
  MODIFY published_at DATETIME(6) NULL;

ALTER TABLE notice
  MODIFY claimed_until DATETIME(6) NULL,
  MODIFY created_at DATETIME(6) NOT NULL,
  MODIFY sent_at DATETIME(6) NULL;

ALTER TABLE action_link_use
  MODIFY used_at DATETIME(6) NOT NULL;
