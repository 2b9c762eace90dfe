-- Retention deletes the oldest coverage spans in small batches: in end order through this index, so a batch that
-- finds nothing left to delete stops at once instead of scanning every span of every server.
CREATE INDEX ix_coverage_to ON poll_coverage (to_ms);
