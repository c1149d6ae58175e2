-- The event that made a gap not applicable (the death or the readmission), so every gap can say what satisfied
-- it (closed_by) or what excluded it (issue 13, "every gap explains itself"). Rows stored before this migration
-- have it empty until their pathway is judged again or the read models are rebuilt (POST /api/v1/admin/rebuild).
ALTER TABLE gap ADD COLUMN excluded_by VARCHAR(128);
