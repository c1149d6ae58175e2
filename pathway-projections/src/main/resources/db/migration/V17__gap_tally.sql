-- The worklist's counts per status at 100,000 pathways (docs/performance.md): counting the gaps of a municipality on
-- each page read every one of them (150,000 index entries for the largest; 270-440 ms). A gap's status at a time
-- follows from its facts and the time, but most of it from the facts alone: a gap closed (late or on time) or excluded
-- stays so, and an unresolved one is OPEN unless it is not yet due. So the read model keeps a tally of its gaps by
-- municipality, rule and the class their facts give them, written in the transaction that writes the gaps, and a count
-- reads the tally and corrects it at the time of the question with two small ranges of the gap table: the unresolved
-- gaps not yet due (PROSPECTIVE, not OPEN), and the gaps closed or excluded after that time (counted as what they
-- were then). GapTallyIT compares it with counting every row.
CREATE TABLE gap_tally (
    municipality VARCHAR(4)  NOT NULL,  -- '' for gaps without one
    rule         VARCHAR(64) NOT NULL,
    class        VARCHAR(16) NOT NULL,  -- CLOSED_LATE, CLOSED_ON_TIME, NOT_APPLICABLE or UNRESOLVED
    n            BIGINT      NOT NULL,
    PRIMARY KEY (municipality, rule, class)
);

INSERT INTO gap_tally (municipality, rule, class, n)
SELECT coalesce(municipality, ''), rule,
       CASE WHEN closed_at IS NOT NULL THEN CASE WHEN closed_at > due_at THEN 'CLOSED_LATE' ELSE 'CLOSED_ON_TIME' END
            WHEN excluded_at IS NOT NULL THEN 'NOT_APPLICABLE' ELSE 'UNRESOLVED' END, count(*)
FROM gap GROUP BY 1, 2, 3;

-- the unresolved gaps by due time: those not yet due are few (deadlines are hours and days)
CREATE INDEX gap_unresolved_by_due ON gap (due_at) INCLUDE (municipality, rule)
    WHERE closed_at IS NULL AND excluded_at IS NULL;
-- the gaps by when they were closed or excluded: those decided after the time of a question are few (an event occurs
-- at most five minutes after it is recorded), except when a test or an auditor asks about the past
CREATE INDEX gap_decided_by_time ON gap ((coalesce(closed_at, excluded_at)))
    WHERE closed_at IS NOT NULL OR excluded_at IS NOT NULL;

-- statistics of the new index's expression, so that the planner knows how few gaps are decided after now (without
-- them it took the municipality's index and read all its gaps)
ANALYZE gap;
