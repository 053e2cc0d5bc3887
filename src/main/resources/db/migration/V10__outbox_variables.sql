-- The outbox also carries variable updates of a process instance (a replaced reviewer changes the
-- list later per-reviewer steps read), so that no engine call is made inside a MySQL transaction.
ALTER TABLE process_outbox
  ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'MESSAGE' AFTER id,
  ADD COLUMN process_instance_key BIGINT NULL AFTER kind;
