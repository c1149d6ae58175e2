-- A coordinator's work on a gap, as the worklist shows and filters it: who has it (the latest GAP_ASSIGNED) and the
-- call log (every FOLLOW_UP_ATTEMPTED, oldest first, as JSON). Rebuilt from the events with the rest of the row.
ALTER TABLE gap ADD COLUMN assigned_to VARCHAR(255),
                ADD COLUMN assigned_at TIMESTAMPTZ,
                ADD COLUMN assigned_by VARCHAR(255),
                ADD COLUMN follow_up_attempts JSONB;
-- "assigned to me" in due order
CREATE INDEX gap_by_assignee_due ON gap (assigned_to, due_at, gap_id) WHERE assigned_to IS NOT NULL;
