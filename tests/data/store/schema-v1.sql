-- SPDX-License-Identifier: GPL-3.0-or-later
-- The tables of an Auftakt plan at schema version 1, frozen as shipped.
-- Never edit this file: a new schema version gets a file of its own and a
-- migration step; test-store builds old plans from these files and checks
-- that opening them upgrades them to the tables of a new plan.

PRAGMA application_id = 1098212980;
PRAGMA user_version = 1;

CREATE TABLE events (
  id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
  position INTEGER NOT NULL,
  title TEXT,
  date TEXT,
  venue TEXT,
  description TEXT,
  workshops_per_participant INTEGER NOT NULL,
  unranked_cost INTEGER NOT NULL,
  has_schedule INTEGER NOT NULL DEFAULT 0 CHECK (has_schedule IN (0, 1))
);

CREATE INDEX events_by_position ON events (position);

CREATE TABLE rounds (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  title TEXT,
  start_min INTEGER,
  end_min INTEGER,
  PRIMARY KEY (event_id, id)
) WITHOUT ROWID;

CREATE INDEX rounds_by_position ON rounds (event_id, position);

CREATE TABLE rooms (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  name TEXT,
  capacity INTEGER,
  description TEXT,
  PRIMARY KEY (event_id, id)
) WITHOUT ROWID;

CREATE INDEX rooms_by_position ON rooms (event_id, position);

CREATE TABLE room_unavailable (
  event_id TEXT NOT NULL,
  room TEXT NOT NULL,
  round TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, room, round),
  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX room_unavailable_by_round ON room_unavailable (event_id, round);

CREATE TABLE clusters (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  title TEXT,
  description TEXT,
  colour TEXT,
  PRIMARY KEY (event_id, id)
) WITHOUT ROWID;

CREATE INDEX clusters_by_position ON clusters (event_id, position);

CREATE TABLE referees (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  name TEXT,
  organisation TEXT,
  role TEXT,
  email TEXT,
  PRIMARY KEY (event_id, id)
) WITHOUT ROWID;

CREATE INDEX referees_by_position ON referees (event_id, position);

CREATE TABLE referee_unavailable (
  event_id TEXT NOT NULL,
  referee TEXT NOT NULL,
  round TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, referee, round),
  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX referee_unavailable_by_round ON referee_unavailable (event_id, round);

CREATE TABLE workshops (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  title TEXT,
  description TEXT,
  cluster TEXT,
  min INTEGER,
  max INTEGER,
  max_runs INTEGER,
  PRIMARY KEY (event_id, id),
  FOREIGN KEY (event_id, cluster) REFERENCES clusters (event_id, id) ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX workshops_by_position ON workshops (event_id, position);

CREATE INDEX workshops_by_cluster ON workshops (event_id, cluster);

CREATE TRIGGER clusters_before_delete BEFORE DELETE ON clusters BEGIN
  UPDATE workshops SET cluster = NULL
    WHERE event_id = OLD.event_id AND cluster = OLD.id;
END;

CREATE TABLE workshop_leads (
  event_id TEXT NOT NULL,
  workshop TEXT NOT NULL,
  referee TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, workshop, referee),
  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX workshop_leads_by_referee ON workshop_leads (event_id, referee);

CREATE TABLE workshop_unavailable (
  event_id TEXT NOT NULL,
  workshop TEXT NOT NULL,
  round TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, workshop, round),
  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX workshop_unavailable_by_round ON workshop_unavailable (event_id, round);

CREATE TABLE participants (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  name TEXT,
  organisation TEXT,
  email TEXT,
  PRIMARY KEY (event_id, id)
) WITHOUT ROWID;

CREATE INDEX participants_by_position ON participants (event_id, position);

CREATE TABLE choices (
  event_id TEXT NOT NULL,
  participant TEXT NOT NULL,
  rank INTEGER NOT NULL CHECK (rank >= 1),
  workshop TEXT NOT NULL,
  PRIMARY KEY (event_id, participant, rank),
  UNIQUE (event_id, workshop, participant),
  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE TABLE participant_unavailable (
  event_id TEXT NOT NULL,
  participant TEXT NOT NULL,
  round TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, participant, round),
  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX participant_unavailable_by_round ON participant_unavailable (event_id, round);

CREATE TABLE agenda_items (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  id TEXT NOT NULL CHECK (id <> ''),
  position INTEGER NOT NULL,
  number TEXT,
  title TEXT,
  kind TEXT NOT NULL,
  start_min INTEGER,
  end_min INTEGER,
  room TEXT,
  round TEXT,
  description TEXT,
  PRIMARY KEY (event_id, id),
  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id) ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id) ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX agenda_items_by_position ON agenda_items (event_id, position);

CREATE INDEX agenda_items_by_room ON agenda_items (event_id, room);

CREATE INDEX agenda_items_by_round ON agenda_items (event_id, round);

CREATE TRIGGER rooms_before_delete BEFORE DELETE ON rooms BEGIN
  UPDATE agenda_items SET room = NULL
    WHERE event_id = OLD.event_id AND room = OLD.id;
END;

CREATE TRIGGER rounds_before_delete BEFORE DELETE ON rounds BEGIN
  UPDATE agenda_items SET round = NULL
    WHERE event_id = OLD.event_id AND round = OLD.id;
END;

CREATE TABLE agenda_speakers (
  event_id TEXT NOT NULL,
  item TEXT NOT NULL,
  referee TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, item, referee),
  FOREIGN KEY (event_id, item) REFERENCES agenda_items (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX agenda_speakers_by_referee ON agenda_speakers (event_id, referee);

CREATE TABLE sessions (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position INTEGER NOT NULL,
  workshop TEXT NOT NULL,
  round TEXT NOT NULL,
  room TEXT,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  PRIMARY KEY (event_id, position),
  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX sessions_by_workshop ON sessions (event_id, workshop);

CREATE INDEX sessions_by_round ON sessions (event_id, round);

CREATE INDEX sessions_by_room ON sessions (event_id, room);

CREATE TABLE attendances (
  event_id TEXT NOT NULL,
  session INTEGER NOT NULL,
  position INTEGER NOT NULL,
  participant TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  PRIMARY KEY (event_id, session, position),
  FOREIGN KEY (event_id, session) REFERENCES sessions (event_id, position)
    ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)
    ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX attendances_by_participant ON attendances (event_id, participant);
