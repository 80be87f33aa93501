-- tests/data/schema-v2.sql
-- Copyright 2026 The Craft Companion authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database exactly as schema version 2 left it, with a safety plan in it. The migration
-- tests open it with the current store and check that nothing was lost. Never edit a
-- released fixture; add schema-vN.sql for each new version.
CREATE TABLE worksheet_answer (  worksheet  TEXT NOT NULL,  field      TEXT NOT NULL,  value      TEXT NOT NULL,  updated_at INTEGER NOT NULL,  PRIMARY KEY (worksheet, field));
CREATE TABLE worksheet_row (  id         INTEGER PRIMARY KEY,  worksheet  TEXT NOT NULL,  list       TEXT NOT NULL,  position   INTEGER NOT NULL,  created_at INTEGER NOT NULL,  deleted_at INTEGER);
CREATE INDEX worksheet_row_by_list ON worksheet_row (worksheet, list, position);
CREATE TABLE worksheet_row_value (  row_id INTEGER NOT NULL REFERENCES worksheet_row (id) ON DELETE CASCADE,  field  TEXT NOT NULL,  value  TEXT NOT NULL,  PRIMARY KEY (row_id, field));
INSERT INTO worksheet_answer VALUES ('safety-plan', 'warning-signs', 'När han börjar smälla i dörrar', 1763888400);
INSERT INTO worksheet_answer VALUES ('safety-plan', 'safe-place', 'Hos søster på Nørrebro', 1763888400);
INSERT INTO worksheet_row VALUES (1, 'safety-plan', 'people', 0, 1763888400, NULL);
INSERT INTO worksheet_row VALUES (2, 'safety-plan', 'people', 1, 1763888400, NULL);
INSERT INTO worksheet_row_value VALUES (1, 'name', 'Åsa');
INSERT INTO worksheet_row_value VALUES (1, 'number', '070-123 45 67');
INSERT INTO worksheet_row_value VALUES (2, 'name', 'Jørgen');
CREATE TABLE meta (  key   TEXT PRIMARY KEY,  value TEXT NOT NULL);
CREATE TABLE program_session (  number     INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 12),  planned_on TEXT,  started_at INTEGER,  done_at    INTEGER);
CREATE TABLE homework (  session INTEGER NOT NULL,  task    TEXT NOT NULL,  done_at INTEGER NOT NULL,  PRIMARY KEY (session, task));
CREATE TABLE happiness_rating (  day   TEXT NOT NULL,  area  TEXT NOT NULL,  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),  PRIMARY KEY (day, area));
INSERT INTO meta VALUES ('plan-start', '2026-09-07');
INSERT INTO program_session VALUES (1, '2026-09-07', 1757232000, 1757235600);
INSERT INTO program_session VALUES (2, '2026-09-14', 1757836800, NULL);
INSERT INTO homework VALUES (1, 'happiness-baseline', 1757235600);
INSERT INTO happiness_rating VALUES ('2026-09-07', 'overall', 3);
PRAGMA user_version = 2;
