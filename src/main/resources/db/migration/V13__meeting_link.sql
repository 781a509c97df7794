-- A meeting's place and its link, each where its format has one: on premises a site, remote a
-- link, hybrid both. Until now one column held whichever applied (the link of a remote call).
ALTER TABLE meeting ADD COLUMN link VARCHAR(500);
UPDATE meeting SET link = location, location = NULL WHERE location LIKE 'http%';
