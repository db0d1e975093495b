/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-store-private.h"

/* The tables of a plan at AUFTAKT_STORE_SCHEMA_VERSION, for new plans.
 *
 * Every item is keyed by (event_id, id) and has a position that keeps the
 * order of the document.  Optional text is NULL when absent and '' when
 * empty; optional numbers (-1 in the model) are NULL.  The lists of an item
 * (unavailable rounds, leads, choices, speakers) are tables of their own,
 * ordered by position (choices by rank).
 *
 * SQLite's ON DELETE SET NULL would clear event_id too in a composite key, so
 * the references that survive a deletion (a workshop's cluster, an agenda
 * item's room and round) are cleared by triggers instead.
 *
 * Changing this text means raising AUFTAKT_STORE_SCHEMA_VERSION and adding a
 * step to _auftakt_store_migrations below; tests/data/store/schema-v1.sql
 * keeps version 1 as it was shipped, and the tests check that an old plan
 * upgraded step by step ends up with the tables of a new one. */
static const char schema_sql[] =
  "CREATE TABLE events ("
  "  id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  title TEXT,"
  "  date TEXT,"
  "  venue TEXT,"
  "  description TEXT,"
  "  workshops_per_participant INTEGER NOT NULL,"
  "  unranked_cost INTEGER NOT NULL,"
  "  has_schedule INTEGER NOT NULL DEFAULT 0 CHECK (has_schedule IN (0, 1))"
  ");"
  "CREATE INDEX events_by_position ON events (position);"

  "CREATE TABLE rounds ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  title TEXT,"
  "  start_min INTEGER,"
  "  end_min INTEGER,"
  "  PRIMARY KEY (event_id, id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX rounds_by_position ON rounds (event_id, position);"

  "CREATE TABLE rooms ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  capacity INTEGER,"
  "  description TEXT,"
  "  PRIMARY KEY (event_id, id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX rooms_by_position ON rooms (event_id, position);"

  "CREATE TABLE room_unavailable ("
  "  event_id TEXT NOT NULL,"
  "  room TEXT NOT NULL,"
  "  round TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, room, round),"
  "  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX room_unavailable_by_round ON room_unavailable (event_id, round);"

  "CREATE TABLE clusters ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  title TEXT,"
  "  description TEXT,"
  "  colour TEXT,"
  "  PRIMARY KEY (event_id, id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX clusters_by_position ON clusters (event_id, position);"

  "CREATE TABLE referees ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  organisation TEXT,"
  "  role TEXT,"
  "  email TEXT,"
  "  PRIMARY KEY (event_id, id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX referees_by_position ON referees (event_id, position);"

  "CREATE TABLE referee_unavailable ("
  "  event_id TEXT NOT NULL,"
  "  referee TEXT NOT NULL,"
  "  round TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, referee, round),"
  "  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX referee_unavailable_by_round ON referee_unavailable (event_id, round);"

  "CREATE TABLE workshops ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  title TEXT,"
  "  description TEXT,"
  "  cluster TEXT,"
  "  min INTEGER,"
  "  max INTEGER,"
  "  max_runs INTEGER,"
  "  PRIMARY KEY (event_id, id),"
  "  FOREIGN KEY (event_id, cluster) REFERENCES clusters (event_id, id) ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX workshops_by_position ON workshops (event_id, position);"
  "CREATE INDEX workshops_by_cluster ON workshops (event_id, cluster);"
  "CREATE TRIGGER clusters_before_delete BEFORE DELETE ON clusters BEGIN"
  "  UPDATE workshops SET cluster = NULL"
  "    WHERE event_id = OLD.event_id AND cluster = OLD.id;"
  "END;"

  "CREATE TABLE workshop_leads ("
  "  event_id TEXT NOT NULL,"
  "  workshop TEXT NOT NULL,"
  "  referee TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, workshop, referee),"
  "  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX workshop_leads_by_referee ON workshop_leads (event_id, referee);"

  "CREATE TABLE workshop_unavailable ("
  "  event_id TEXT NOT NULL,"
  "  workshop TEXT NOT NULL,"
  "  round TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, workshop, round),"
  "  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX workshop_unavailable_by_round ON workshop_unavailable (event_id, round);"

  "CREATE TABLE participants ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  organisation TEXT,"
  "  email TEXT,"
  "  PRIMARY KEY (event_id, id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX participants_by_position ON participants (event_id, position);"

  /* The unique index leads with the workshop, so it also serves the
   * deletion of a workshop. */
  "CREATE TABLE choices ("
  "  event_id TEXT NOT NULL,"
  "  participant TEXT NOT NULL,"
  "  rank INTEGER NOT NULL CHECK (rank >= 1),"
  "  workshop TEXT NOT NULL,"
  "  PRIMARY KEY (event_id, participant, rank),"
  "  UNIQUE (event_id, workshop, participant),"
  "  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"

  "CREATE TABLE participant_unavailable ("
  "  event_id TEXT NOT NULL,"
  "  participant TEXT NOT NULL,"
  "  round TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, participant, round),"
  "  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX participant_unavailable_by_round ON participant_unavailable (event_id, round);"

  "CREATE TABLE agenda_items ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  id TEXT NOT NULL CHECK (id <> ''),"
  "  position INTEGER NOT NULL,"
  "  number TEXT,"
  "  title TEXT,"
  "  kind TEXT NOT NULL,"
  "  start_min INTEGER,"
  "  end_min INTEGER,"
  "  room TEXT,"
  "  round TEXT,"
  "  description TEXT,"
  "  PRIMARY KEY (event_id, id),"
  "  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id) ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id) ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX agenda_items_by_position ON agenda_items (event_id, position);"
  "CREATE INDEX agenda_items_by_room ON agenda_items (event_id, room);"
  "CREATE INDEX agenda_items_by_round ON agenda_items (event_id, round);"
  "CREATE TRIGGER rooms_before_delete BEFORE DELETE ON rooms BEGIN"
  "  UPDATE agenda_items SET room = NULL"
  "    WHERE event_id = OLD.event_id AND room = OLD.id;"
  "END;"
  "CREATE TRIGGER rounds_before_delete BEFORE DELETE ON rounds BEGIN"
  "  UPDATE agenda_items SET round = NULL"
  "    WHERE event_id = OLD.event_id AND round = OLD.id;"
  "END;"

  "CREATE TABLE agenda_speakers ("
  "  event_id TEXT NOT NULL,"
  "  item TEXT NOT NULL,"
  "  referee TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, item, referee),"
  "  FOREIGN KEY (event_id, item) REFERENCES agenda_items (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, referee) REFERENCES referees (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX agenda_speakers_by_referee ON agenda_speakers (event_id, referee);"

  /* Sessions have no id of their own: a schedule may hold anything the
   * model can (check reports what breaks a rule), as long as it names
   * items of the event. */
  "CREATE TABLE sessions ("
  "  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  workshop TEXT NOT NULL,"
  "  round TEXT NOT NULL,"
  "  room TEXT,"
  "  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
  "  PRIMARY KEY (event_id, position),"
  "  FOREIGN KEY (event_id, workshop) REFERENCES workshops (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, round) REFERENCES rounds (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, room) REFERENCES rooms (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX sessions_by_workshop ON sessions (event_id, workshop);"
  "CREATE INDEX sessions_by_round ON sessions (event_id, round);"
  "CREATE INDEX sessions_by_room ON sessions (event_id, room);"

  "CREATE TABLE attendances ("
  "  event_id TEXT NOT NULL,"
  "  session INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  participant TEXT NOT NULL,"
  "  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
  "  PRIMARY KEY (event_id, session, position),"
  "  FOREIGN KEY (event_id, session) REFERENCES sessions (event_id, position)"
  "    ON DELETE CASCADE ON UPDATE CASCADE,"
  "  FOREIGN KEY (event_id, participant) REFERENCES participants (event_id, id)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX attendances_by_participant ON attendances (event_id, participant);";

/* Forward steps, in order: adding version 2 means changing schema_sql above
 * and adding { 1, "ALTER TABLE ...;" } here. */
const AuftaktStoreMigration _auftakt_store_migrations[] = {
  { 0, NULL }  /* end of the list */
};

const gsize _auftakt_store_n_migrations = G_N_ELEMENTS (_auftakt_store_migrations) - 1;

void
_auftakt_store_set_db_error (GError      **error,
                             sqlite3      *db,
                             const char   *display_name,
                             int           rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program; try again later"),
                   display_name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), display_name, detail);
      break;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID,
                   _("Could not save to “%s”: %s"), display_name, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not save to “%s”: the file is read-only"), display_name);
      break;

    case SQLITE_FULL:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not save to “%s”: the disk is full"), display_name);
      break;

    default:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO,
                   _("Could not read or write “%s”: %s"), display_name, detail);
      break;
    }
}

gboolean
_auftakt_store_exec (sqlite3     *db,
                     const char  *display_name,
                     const char  *sql,
                     GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _auftakt_store_set_db_error (error, db, display_name, rc);
      return FALSE;
    }

  return TRUE;
}

/* The first column of the first row of a query without parameters; *rc is
 * SQLITE_OK, or the error. */
int
_auftakt_store_query_int (sqlite3    *db,
                          const char *sql,
                          int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return 0;

  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      value = sqlite3_column_int (stmt, 0);
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    {
      *rc = SQLITE_OK;
    }

  sqlite3_finalize (stmt);
  return value;
}

static gboolean
set_user_version (sqlite3     *db,
                  const char  *display_name,
                  int          version,
                  GError     **error)
{
  /* PRAGMA takes no parameters; the number is ours, not user text. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", version);

  return _auftakt_store_exec (db, display_name, sql, error);
}

/* Runs inside the caller's transaction. */
gboolean
_auftakt_store_create_schema (sqlite3     *db,
                              const char  *display_name,
                              GError     **error)
{
  g_autofree char *application_id =
    g_strdup_printf ("PRAGMA application_id = %d;", (gint32) AUFTAKT_STORE_APPLICATION_ID);

  return _auftakt_store_exec (db, display_name, application_id, error) &&
         set_user_version (db, display_name, AUFTAKT_STORE_SCHEMA_VERSION, error) &&
         _auftakt_store_exec (db, display_name, schema_sql, error);
}

static gboolean
check_foreign_keys (sqlite3     *db,
                    const char  *display_name,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                   _("“%s” could not be upgraded: the table “%s” refers to a missing row"),
                   display_name, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _auftakt_store_set_db_error (error, db, display_name, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_steps (sqlite3                     *db,
           const char                  *display_name,
           const AuftaktStoreMigration *steps,
           gsize                        n_steps,
           int                          target_version,
           GError                     **error)
{
  int rc;
  int version;

  /* Read again under the write lock: another process may have upgraded the
   * plan since it was opened. */
  version = _auftakt_store_query_int (db, "PRAGMA user_version;", &rc);
  if (rc != SQLITE_OK)
    {
      _auftakt_store_set_db_error (error, db, display_name, rc);
      return FALSE;
    }

  if (version > target_version)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Auftakt"), display_name);
      return FALSE;
    }

  while (version < target_version)
    {
      const AuftaktStoreMigration *step = NULL;

      for (gsize i = 0; i < n_steps && step == NULL; i++)
        if (steps[i].from_version == version)
          step = &steps[i];

      if (step == NULL)
        {
          g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED,
                       _("“%s” has an unknown format version %d"), display_name, version);
          return FALSE;
        }

      g_debug ("Upgrading %s from version %d", display_name, version);
      if (!_auftakt_store_exec (db, display_name, step->sql, error))
        {
          g_prefix_error (error, _("Upgrading from version %d failed: "), version);
          return FALSE;
        }

      version++;
    }

  return set_user_version (db, display_name, target_version, error) &&
         check_foreign_keys (db, display_name, error);
}

/* Brings a plan from its user_version up to @target_version in one
 * transaction; on failure the file stays as it was. */
gboolean
_auftakt_store_migrate (sqlite3                     *db,
                        const char                  *display_name,
                        const AuftaktStoreMigration *steps,
                        gsize                        n_steps,
                        int                          target_version,
                        GError                     **error)
{
  gboolean ok;

  /* A step may need to rebuild a table, which foreign keys forbid; they
   * cannot be switched inside a transaction. */
  if (!_auftakt_store_exec (db, display_name, "PRAGMA foreign_keys = OFF;", error))
    return FALSE;

  ok = _auftakt_store_exec (db, display_name, "BEGIN IMMEDIATE;", error);
  if (ok)
    {
      ok = run_steps (db, display_name, steps, n_steps, target_version, error) &&
           _auftakt_store_exec (db, display_name, "COMMIT;", error);
      if (!ok)
        sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
    }

  if (!_auftakt_store_exec (db, display_name, "PRAGMA foreign_keys = ON;", ok ? error : NULL))
    ok = FALSE;

  return ok;
}
