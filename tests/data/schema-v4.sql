-- tests/data/schema-v4.sql
-- Copyright 2026 The Craft Companion authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database exactly as schema version 4 left it, with a safety plan in it. The migration
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
CREATE TABLE diary_entry (  id               INTEGER PRIMARY KEY,  uuid             TEXT NOT NULL UNIQUE,  happened_at      INTEGER NOT NULL,  day              TEXT NOT NULL,  created_at       INTEGER NOT NULL,  updated_at       INTEGER NOT NULL,  deleted_at       INTEGER,  place            TEXT NOT NULL DEFAULT '',  people           TEXT NOT NULL DEFAULT '',  what_happened    TEXT NOT NULL DEFAULT '',  trigger_text     TEXT NOT NULL DEFAULT '',  loved_one_state  TEXT NOT NULL DEFAULT '',  thoughts         TEXT NOT NULL DEFAULT '',  feelings         TEXT NOT NULL DEFAULT '',  feelings_other   TEXT NOT NULL DEFAULT '',  feeling_strength INTEGER CHECK (feeling_strength BETWEEN 0 AND 10),  stress           INTEGER CHECK (stress BETWEEN 0 AND 10),  what_i_did       TEXT NOT NULL DEFAULT '',  coping           TEXT NOT NULL DEFAULT '',  coping_kind      TEXT NOT NULL DEFAULT '',  outcome_me       TEXT NOT NULL DEFAULT '',  outcome_them     TEXT NOT NULL DEFAULT '',  safe             TEXT NOT NULL DEFAULT '',  support          TEXT NOT NULL DEFAULT '',  try_next         TEXT NOT NULL DEFAULT '',  try_next_other   TEXT NOT NULL DEFAULT '',  tags             TEXT NOT NULL DEFAULT '',  flagged          INTEGER NOT NULL DEFAULT 0);
CREATE INDEX diary_entry_by_time ON diary_entry (happened_at);
CREATE INDEX diary_entry_by_day ON diary_entry (day);
CREATE TABLE diary_tag (  entry_id INTEGER NOT NULL REFERENCES diary_entry (id) ON DELETE CASCADE,  tag      TEXT NOT NULL,  PRIMARY KEY (entry_id, tag));
CREATE INDEX diary_tag_by_tag ON diary_tag (tag);
CREATE VIRTUAL TABLE diary_search USING fts5 (  place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags,  content='diary_entry', content_rowid='id',  tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER diary_entry_ai AFTER INSERT ON diary_entry BEGIN  INSERT INTO diary_search (rowid, place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags) VALUES (new.id, new.place, new.people, new.what_happened, new.trigger_text, new.thoughts, new.feelings_other, new.what_i_did, new.outcome_me, new.outcome_them, new.support, new.try_next_other, new.tags);END;
CREATE TRIGGER diary_entry_ad AFTER DELETE ON diary_entry BEGIN  INSERT INTO diary_search (diary_search, rowid, place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags)  VALUES ('delete', old.id, old.place, old.people, old.what_happened, old.trigger_text, old.thoughts, old.feelings_other, old.what_i_did, old.outcome_me, old.outcome_them, old.support, old.try_next_other, old.tags);END;
CREATE TRIGGER diary_entry_au AFTER UPDATE OF place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags ON diary_entry BEGIN  INSERT INTO diary_search (diary_search, rowid, place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags)  VALUES ('delete', old.id, old.place, old.people, old.what_happened, old.trigger_text, old.thoughts, old.feelings_other, old.what_i_did, old.outcome_me, old.outcome_them, old.support, old.try_next_other, old.tags);  INSERT INTO diary_search (rowid, place, people, what_happened, trigger_text, thoughts, feelings_other, what_i_did, outcome_me, outcome_them, support, try_next_other, tags) VALUES (new.id, new.place, new.people, new.what_happened, new.trigger_text, new.thoughts, new.feelings_other, new.what_i_did, new.outcome_me, new.outcome_them, new.support, new.try_next_other, new.tags);END;
INSERT INTO diary_entry (id, uuid, happened_at, day, created_at, updated_at, what_happened, loved_one_state, stress, coping, tags, flagged) VALUES (1, '6f1c2a0e-3b5d-4c1e-9f7a-2d8e4b6c1a90', 1763916600, '2026-11-23', 1763916600, 1763916600, 'Bråk vid middagen om pengarna', 'influenced', 7, 'engaged', 'pengar,middag', 1);
INSERT INTO diary_tag VALUES (1, 'pengar');
INSERT INTO diary_tag VALUES (1, 'middag');
CREATE INDEX diary_entry_list ON diary_entry (deleted_at, happened_at, coping, safe, loved_one_state, stress, flagged, day);
CREATE INDEX diary_entry_review ON diary_entry (deleted_at, day, stress, coping, loved_one_state, safe, flagged, trigger_text);
PRAGMA user_version = 4;
