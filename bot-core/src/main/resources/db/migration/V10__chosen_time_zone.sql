-- The zone a person chose with /cop settings tz; it wins over the one their platform reports (users.time_zone).
ALTER TABLE users ADD COLUMN chosen_zone TEXT;
