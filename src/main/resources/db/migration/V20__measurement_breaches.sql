-- The scorecard's credit walk reads a term's breaches (RED values) month by month; the values
-- themselves only for its 12 trend months. This index finds a metric's breaches without reading
-- every value of the term.
CREATE INDEX measurement_health ON measurement (metric_id, health, period, superseded_at);
