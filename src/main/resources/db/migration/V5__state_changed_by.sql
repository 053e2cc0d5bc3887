-- Who registered a State party and who last changed it, like every other table the API writes to.
-- Rows from before this migration were seeded by RevFlow itself.
ALTER TABLE registry_state
  ADD COLUMN created_by VARCHAR(100) NOT NULL DEFAULT 'system',
  ADD COLUMN updated_by VARCHAR(100) NOT NULL DEFAULT 'system';
