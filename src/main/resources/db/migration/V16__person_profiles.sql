-- Each person's own time zone and working hours: times are shown to them in their zone next to the
-- engagement's; the hours are for scheduling (a night shift ends before it starts).
CREATE TABLE person_profile (
    user_id     VARCHAR(64)  PRIMARY KEY,
    version     BIGINT       NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    work_starts TIME         NOT NULL,
    work_ends   TIME         NOT NULL,
    work_days   VARCHAR(80)  NOT NULL,
    CONSTRAINT profile_hours CHECK (work_starts <> work_ends)
);
