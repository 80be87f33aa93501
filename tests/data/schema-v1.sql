-- tests/data/schema-v1.sql
-- Copyright 2026 The Craft Companion authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database exactly as schema version 1 left it, with a safety plan in it. The migration
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
PRAGMA user_version = 1;
