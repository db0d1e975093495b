-- SPDX-License-Identifier: GPL-3.0-or-later
-- An event as a version 1 plan holds it, applied after schema-v1.sql.
-- Frozen like the schema: test-store checks every value after opening.

PRAGMA foreign_keys = ON;
BEGIN;

INSERT INTO events (id, position, title, date, venue, description,
                    workshops_per_participant, unranked_cost, has_schedule)
  VALUES ('zukunftsworkshop', 0, 'Zukunftsworkshop', '2018-09-18', 'Raum M8', '', 1, 50, 1);
INSERT INTO events (id, position, title, date, venue, description,
                    workshops_per_participant, unranked_cost, has_schedule)
  VALUES ('leer', 1, NULL, NULL, NULL, NULL, 2, 100, 0);

INSERT INTO rounds VALUES ('zukunftsworkshop', 'R1', 0, 'Erste Runde', 735, 770);
INSERT INTO rounds VALUES ('zukunftsworkshop', 'R2', 1, NULL, NULL, NULL);

INSERT INTO rooms VALUES ('zukunftsworkshop', 'M8', 0, 'Workshop-Raum M8', 40, '');
INSERT INTO rooms VALUES ('zukunftsworkshop', 'M8a', 1, NULL, NULL, 'Ecke');
INSERT INTO room_unavailable VALUES ('zukunftsworkshop', 'M8a', 'R2', 0);

INSERT INTO clusters VALUES ('zukunftsworkshop', 'C1', 0, 'Smart City', NULL, '#33d17a');

INSERT INTO referees VALUES ('zukunftsworkshop', 'F1', 0, 'Anika Beispiel', 'Stadt Potsdam',
                             'Moderation', NULL);
INSERT INTO referees VALUES ('zukunftsworkshop', 'F2', 1, 'Bernd Muster', '', NULL,
                             'bernd@example.org');
INSERT INTO referee_unavailable VALUES ('zukunftsworkshop', 'F2', 'R1', 0);

INSERT INTO workshops VALUES ('zukunftsworkshop', 'WS1', 0, 'Mobilität', NULL, 'C1', 3, 20, 1);
INSERT INTO workshops VALUES ('zukunftsworkshop', 'WS2', 1, 'Bildung', '', NULL, 0, NULL, NULL);
INSERT INTO workshop_leads VALUES ('zukunftsworkshop', 'WS1', 'F2', 0);
INSERT INTO workshop_leads VALUES ('zukunftsworkshop', 'WS1', 'F1', 1);
INSERT INTO workshop_unavailable VALUES ('zukunftsworkshop', 'WS2', 'R1', 0);

INSERT INTO participants VALUES ('zukunftsworkshop', 'P1', 0, 'Max Mustermann', NULL, '');
INSERT INTO participants VALUES ('zukunftsworkshop', 'P2', 1, NULL, 'Kreis Teltow', NULL);
INSERT INTO choices VALUES ('zukunftsworkshop', 'P1', 1, 'WS2');
INSERT INTO choices VALUES ('zukunftsworkshop', 'P1', 2, 'WS1');
INSERT INTO participant_unavailable VALUES ('zukunftsworkshop', 'P2', 'R1', 0);

INSERT INTO agenda_items VALUES ('zukunftsworkshop', 'A1', 0, '1', 'Eröffnung', 'opening',
                                 690, 700, 'M8', NULL, NULL);
INSERT INTO agenda_items VALUES ('zukunftsworkshop', 'A2', 1, NULL, 'Workshops', 'workshops',
                                 NULL, NULL, NULL, 'R1', '');
INSERT INTO agenda_speakers VALUES ('zukunftsworkshop', 'A1', 'F2', 0);
INSERT INTO agenda_speakers VALUES ('zukunftsworkshop', 'A1', 'F1', 1);

INSERT INTO sessions VALUES ('zukunftsworkshop', 0, 'WS1', 'R2', 'M8', 1);
INSERT INTO sessions VALUES ('zukunftsworkshop', 1, 'WS2', 'R2', 'M8a', 0);
INSERT INTO attendances VALUES ('zukunftsworkshop', 0, 0, 'P2', 0);
INSERT INTO attendances VALUES ('zukunftsworkshop', 1, 0, 'P1', 1);

COMMIT;
