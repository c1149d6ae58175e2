-- The worklist at 100,000 pathways (docs/performance.md): every page counts the gaps of the coordinator's
-- municipalities per status at the time of the request, and a rule filter walks the municipality's gaps in due order
-- looking for that rule. This index serves both: the counts read it alone (an index-only scan: every column the
-- status needs is in it) instead of every row of the municipality, and a page of one rule reads that rule's gaps of
-- the municipality in due order.
CREATE INDEX gap_counts_by_municipality_rule ON gap (municipality, rule, due_at, gap_id) INCLUDE (closed_at, excluded_at);
