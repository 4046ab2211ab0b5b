-- Finer length classes (issue 9): a class is a length's bit length and the bit after it, two classes per
-- doubling where migration 4 had one. A day's candidates of a class are one range of (span_class, date), from as
-- many days before the day as the class's longest meeting lasted (migration 6); the range's head, before the
-- class's shortest length, holds meetings that may have ended, and a page must read past those to reach its first
-- answer. With one class per doubling the head was half the range; with two it is a quarter or a third. At a
-- million meetings the ended rows a period's page read dropped from about 275 to 137, and its statement from
-- about 442,000 to 346,000 instructions; at 10,000 meetings the statement grew from 134,000 to 170,000 (more
-- classes, each one seek). The seed's meetings fall into two classes either way.
--
-- Class c < 2 holds lengths c (one day, two days); then class 2k holds [2^k, 3 * 2^(k-1)) and class 2k + 1 holds
-- [3 * 2^(k-1), 2^(k+1)) days after the first day, up to class 31 ([49,152, 65,536)); class 32 is unbounded.
-- `MeetingSQL.upperBound(ofClass:)` is the same table; a test checks the two agree at every boundary.
--
-- The column is virtual: dropped and added again (it stays the table's last column), with its index and the two
-- triggers of migration 6 that name it. `span_bounds` is derived data, rebuilt after every migration.
DROP TRIGGER meetings_span_insert;
DROP TRIGGER meetings_span_update;
DROP INDEX meetings_span;
ALTER TABLE meetings DROP COLUMN span_class;
ALTER TABLE meetings ADD COLUMN span_class INTEGER GENERATED ALWAYS AS (
    CASE
        WHEN julianday(end_date) - julianday(date) < 1 THEN 0
        WHEN julianday(end_date) - julianday(date) < 2 THEN 1
        WHEN julianday(end_date) - julianday(date) < 3 THEN 2
        WHEN julianday(end_date) - julianday(date) < 4 THEN 3
        WHEN julianday(end_date) - julianday(date) < 6 THEN 4
        WHEN julianday(end_date) - julianday(date) < 8 THEN 5
        WHEN julianday(end_date) - julianday(date) < 12 THEN 6
        WHEN julianday(end_date) - julianday(date) < 16 THEN 7
        WHEN julianday(end_date) - julianday(date) < 24 THEN 8
        WHEN julianday(end_date) - julianday(date) < 32 THEN 9
        WHEN julianday(end_date) - julianday(date) < 48 THEN 10
        WHEN julianday(end_date) - julianday(date) < 64 THEN 11
        WHEN julianday(end_date) - julianday(date) < 96 THEN 12
        WHEN julianday(end_date) - julianday(date) < 128 THEN 13
        WHEN julianday(end_date) - julianday(date) < 192 THEN 14
        WHEN julianday(end_date) - julianday(date) < 256 THEN 15
        WHEN julianday(end_date) - julianday(date) < 384 THEN 16
        WHEN julianday(end_date) - julianday(date) < 512 THEN 17
        WHEN julianday(end_date) - julianday(date) < 768 THEN 18
        WHEN julianday(end_date) - julianday(date) < 1024 THEN 19
        WHEN julianday(end_date) - julianday(date) < 1536 THEN 20
        WHEN julianday(end_date) - julianday(date) < 2048 THEN 21
        WHEN julianday(end_date) - julianday(date) < 3072 THEN 22
        WHEN julianday(end_date) - julianday(date) < 4096 THEN 23
        WHEN julianday(end_date) - julianday(date) < 6144 THEN 24
        WHEN julianday(end_date) - julianday(date) < 8192 THEN 25
        WHEN julianday(end_date) - julianday(date) < 12288 THEN 26
        WHEN julianday(end_date) - julianday(date) < 16384 THEN 27
        WHEN julianday(end_date) - julianday(date) < 24576 THEN 28
        WHEN julianday(end_date) - julianday(date) < 32768 THEN 29
        WHEN julianday(end_date) - julianday(date) < 49152 THEN 30
        WHEN julianday(end_date) - julianday(date) < 65536 THEN 31
        ELSE 32
    END) VIRTUAL;
CREATE INDEX meetings_span ON meetings(span_class, date, id, end_date);

CREATE TRIGGER meetings_span_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO span_bounds VALUES (NEW.span_class, CAST(julianday(NEW.end_date) - julianday(NEW.date) AS INTEGER))
        ON CONFLICT DO UPDATE SET longest = max(longest, excluded.longest);
END;
CREATE TRIGGER meetings_span_update AFTER UPDATE OF date, end_date ON meetings BEGIN
    INSERT INTO span_bounds VALUES (NEW.span_class, CAST(julianday(NEW.end_date) - julianday(NEW.date) AS INTEGER))
        ON CONFLICT DO UPDATE SET longest = max(longest, excluded.longest);
END;
