-- The longest meeting of each length class (issue 9), in days after its first day. A day's candidates of class c
-- began at most 2^c - 1 days before it (migration 4); with the class's longest meeting known, its arm starts
-- `longest` days before the day instead, past the class's meetings that began too early to be going on still. In a
-- class of meetings up to a year long, which the class's window stretches to 511 days, that skipped about 150 days
-- of ended meetings before the first answer. The last class, unbounded by its number, gets a bound too.
--
-- An upper bound, which is all the arms need: inserts and updates raise it, deletes leave it (a smaller bound
-- would drop answers; a larger one only reads further). Derived data, like the counts of migration 5: rebuilt
-- exactly inside every migration's transaction and after a bulk load, not replicated.
CREATE TABLE span_bounds (
    span_class INTEGER PRIMARY KEY,
    longest    INTEGER NOT NULL CHECK (longest >= 0)
);

CREATE TRIGGER meetings_span_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO span_bounds VALUES (NEW.span_class, CAST(julianday(NEW.end_date) - julianday(NEW.date) AS INTEGER))
        ON CONFLICT DO UPDATE SET longest = max(longest, excluded.longest);
END;
CREATE TRIGGER meetings_span_update AFTER UPDATE OF date, end_date ON meetings BEGIN
    INSERT INTO span_bounds VALUES (NEW.span_class, CAST(julianday(NEW.end_date) - julianday(NEW.date) AS INTEGER))
        ON CONFLICT DO UPDATE SET longest = max(longest, excluded.longest);
END;
