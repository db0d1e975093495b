/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-store-private.h"

/* Writing events and their items into a plan.  Everything here runs inside a
 * transaction that the caller (auftakt-store.c) holds and rolls back on
 * failure.  A failed statement is told apart by the constraint it broke, so
 * that the message can say which item and which reference is at fault. */

typedef enum {
  WRITE_OK,
  WRITE_DUPLICATE,   /* a primary key or unique constraint */
  WRITE_MISSING,     /* a foreign key: the row names something that is not there */
  WRITE_FAILED,      /* anything else; the error is set */
} WriteResult;

/* The lists of an item, each in a table of its own. */
typedef enum {
  LIST_ROOM_UNAVAILABLE,
  LIST_REFEREE_UNAVAILABLE,
  LIST_WORKSHOP_LEADS,
  LIST_WORKSHOP_UNAVAILABLE,
  LIST_CHOICES,
  LIST_PARTICIPANT_UNAVAILABLE,
  LIST_AGENDA_SPEAKERS,
} ListKind;

typedef gboolean (*WriteItemFunc) (AuftaktStore  *self,
                                   const char    *event_id,
                                   gpointer       item,
                                   gint64         position,
                                   GError       **error);

/* What save_item and delete_item need to know of each kind of item. */
typedef struct {
  GType (*get_type) (void);
  WriteItemFunc write;
  const char *position_sql;
  const char *next_position_sql;
  const char *delete_sql;
} ItemKind;

static gboolean write_round       (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_room        (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_cluster     (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_referee     (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_workshop    (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_participant (AuftaktStore *, const char *, gpointer, gint64, GError **);
static gboolean write_agenda_item (AuftaktStore *, const char *, gpointer, gint64, GError **);

#define ITEM_KIND(type_func, write_func, table) \
  { type_func, write_func, \
    "SELECT position FROM " table " WHERE event_id = ?1 AND id = ?2;", \
    "SELECT COALESCE (MAX (position) + 1, 0) FROM " table " WHERE event_id = ?1;", \
    "DELETE FROM " table " WHERE event_id = ?1 AND id = ?2;" }

static const ItemKind item_kinds[] = {
  ITEM_KIND (auftakt_round_get_type, write_round, "rounds"),
  ITEM_KIND (auftakt_room_get_type, write_room, "rooms"),
  ITEM_KIND (auftakt_cluster_get_type, write_cluster, "clusters"),
  ITEM_KIND (auftakt_referee_get_type, write_referee, "referees"),
  ITEM_KIND (auftakt_workshop_get_type, write_workshop, "workshops"),
  ITEM_KIND (auftakt_participant_get_type, write_participant, "participants"),
  ITEM_KIND (auftakt_agenda_item_get_type, write_agenda_item, "agenda_items"),
};

enum {
  KIND_ROUND,
  KIND_ROOM,
  KIND_CLUSTER,
  KIND_REFEREE,
  KIND_WORKSHOP,
  KIND_PARTICIPANT,
  KIND_AGENDA_ITEM,
};

static const struct {
  const char *insert_sql;  /* ?1 event, ?2 owner, ?3 value, ?4 position */
  const char *delete_sql;  /* ?1 event, ?2 owner */
} lists[] = {
  [LIST_ROOM_UNAVAILABLE] = {
    "INSERT INTO room_unavailable (event_id, room, round, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM room_unavailable WHERE event_id = ?1 AND room = ?2;" },
  [LIST_REFEREE_UNAVAILABLE] = {
    "INSERT INTO referee_unavailable (event_id, referee, round, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM referee_unavailable WHERE event_id = ?1 AND referee = ?2;" },
  [LIST_WORKSHOP_LEADS] = {
    "INSERT INTO workshop_leads (event_id, workshop, referee, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM workshop_leads WHERE event_id = ?1 AND workshop = ?2;" },
  [LIST_WORKSHOP_UNAVAILABLE] = {
    "INSERT INTO workshop_unavailable (event_id, workshop, round, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM workshop_unavailable WHERE event_id = ?1 AND workshop = ?2;" },
  [LIST_CHOICES] = {
    "INSERT INTO choices (event_id, participant, workshop, rank)"
    " VALUES (?1, ?2, ?3, ?4 + 1);",
    "DELETE FROM choices WHERE event_id = ?1 AND participant = ?2;" },
  [LIST_PARTICIPANT_UNAVAILABLE] = {
    "INSERT INTO participant_unavailable (event_id, participant, round, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM participant_unavailable WHERE event_id = ?1 AND participant = ?2;" },
  [LIST_AGENDA_SPEAKERS] = {
    "INSERT INTO agenda_speakers (event_id, item, referee, position)"
    " VALUES (?1, ?2, ?3, ?4);",
    "DELETE FROM agenda_speakers WHERE event_id = ?1 AND item = ?2;" },
};

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Sets an INVALID error and returns FALSE. */
static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (AUFTAKT_STORE_ERROR,
                                                AUFTAKT_STORE_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

static gboolean
has_id (const char *id)
{
  return id != NULL && *id != '\0';
}

/* NULL stays NULL: the XML round trip tells an absent attribute from an
 * empty one. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* -1 ("unset" in the model) is stored as NULL. */
static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   int           value)
{
  if (value >= 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static WriteResult
step_write (AuftaktStore  *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  WriteResult result;
  int rc = sqlite3_step (stmt);

  switch (rc)
    {
    case SQLITE_DONE:
    case SQLITE_ROW:
      result = WRITE_OK;
      break;

    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      result = WRITE_DUPLICATE;
      break;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      result = WRITE_MISSING;
      break;

    default:
      /* before the reset, which would clear the message */
      _auftakt_store_error (self, rc, error);
      result = WRITE_FAILED;
      break;
    }

  sqlite3_reset (stmt);
  return result;
}

/* For statements where any failure is unexpected: sets the error for a
 * broken constraint too. */
static gboolean
step_or_fail (AuftaktStore  *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    _auftakt_store_error (self, rc, error);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

/* Whether the event has an item of that kind; for telling which of several
 * references of a row is missing. */
static gboolean
item_exists (AuftaktStore *self,
             guint         kind,
             const char   *event_id,
             const char   *id)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (id == NULL)
    return TRUE;  /* an absent reference is never the missing one */

  stmt = _auftakt_store_prepare (self, item_kinds[kind].position_sql, NULL);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
list_error (GError      **error,
            ListKind      kind,
            WriteResult   result,
            const char   *owner,
            const char   *value)
{
  gboolean twice = result == WRITE_DUPLICATE;

  switch (kind)
    {
    case LIST_ROOM_UNAVAILABLE:
      return twice
        ? invalid (error, _("Room “%s” lists round “%s” twice as unavailable"), owner, value)
        : invalid (error, _("Room “%s” is unavailable in round “%s”, which does not exist"),
                   owner, value);

    case LIST_REFEREE_UNAVAILABLE:
      return twice
        ? invalid (error, _("Referee “%s” lists round “%s” twice as unavailable"), owner, value)
        : invalid (error, _("Referee “%s” is unavailable in round “%s”, which does not exist"),
                   owner, value);

    case LIST_WORKSHOP_LEADS:
      return twice
        ? invalid (error, _("Workshop “%s” names referee “%s” twice as a lead"), owner, value)
        : invalid (error, _("Workshop “%s” is led by referee “%s”, who does not exist"),
                   owner, value);

    case LIST_WORKSHOP_UNAVAILABLE:
      return twice
        ? invalid (error, _("Workshop “%s” lists round “%s” twice as unavailable"), owner, value)
        : invalid (error, _("Workshop “%s” is unavailable in round “%s”, which does not exist"),
                   owner, value);

    case LIST_CHOICES:
      return twice
        ? invalid (error, _("Participant “%s” chooses workshop “%s” twice"), owner, value)
        : invalid (error, _("Participant “%s” chooses workshop “%s”, which does not exist"),
                   owner, value);

    case LIST_PARTICIPANT_UNAVAILABLE:
      return twice
        ? invalid (error, _("Participant “%s” lists round “%s” twice as unavailable"),
                   owner, value)
        : invalid (error,
                   _("Participant “%s” is unavailable in round “%s”, which does not exist"),
                   owner, value);

    case LIST_AGENDA_SPEAKERS:
      return twice
        ? invalid (error, _("Agenda item “%s” names speaker “%s” twice"), owner, value)
        : invalid (error, _("Agenda item “%s” names speaker “%s”, who is not a referee"),
                   owner, value);

    default:
      g_assert_not_reached ();
    }
}

/* With @replace, the owner's old list goes first (an update). */
static gboolean
write_list (AuftaktStore        *self,
            ListKind             kind,
            const char          *event_id,
            const char          *owner,
            const char * const  *values,
            gboolean             replace,
            GError             **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (replace)
    {
      g_autoptr(AuftaktStoreStmt) delete = _auftakt_store_prepare (self, lists[kind].delete_sql,
                                                                   error);

      if (delete == NULL)
        return FALSE;

      bind_text (delete, 1, event_id);
      bind_text (delete, 2, owner);
      if (!step_or_fail (self, delete, error))
        return FALSE;
    }

  if (values[0] == NULL)
    return TRUE;

  stmt = _auftakt_store_prepare (self, lists[kind].insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, owner);
  for (int i = 0; values[i] != NULL; i++)
    {
      WriteResult result;

      bind_text (stmt, 3, values[i]);
      sqlite3_bind_int (stmt, 4, i);
      result = step_write (self, stmt, error);
      if (result == WRITE_FAILED)
        return FALSE;
      if (result != WRITE_OK)
        return list_error (error, kind, result, owner, values[i]);
    }

  return TRUE;
}

/* Binds ?1 event, ?2 id, ?3 position, and chooses the INSERT (a new item at
 * @position) or the UPDATE (an item in the plan, @position < 0). */
static sqlite3_stmt *
prepare_item (AuftaktStore  *self,
              const char    *insert_sql,
              const char    *update_sql,
              const char    *event_id,
              const char    *id,
              gint64         position,
              GError       **error)
{
  sqlite3_stmt *stmt = _auftakt_store_prepare (self, position >= 0 ? insert_sql : update_sql,
                                               error);

  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, MAX (position, 0));
  return stmt;
}

static gboolean
write_round (AuftaktStore  *self,
             const char    *event_id,
             gpointer       item,
             gint64         position,
             GError       **error)
{
  AuftaktRound *round = item;
  const char *id = auftakt_round_get_id (round);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A round of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO rounds (event_id, id, position, title, start_min, end_min)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                       "UPDATE rounds SET title = ?4, start_min = ?5, end_min = ?6"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_round_get_title (round));
  bind_optional_int (stmt, 5, auftakt_round_get_start (round));
  bind_optional_int (stmt, 6, auftakt_round_get_end (round));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      return TRUE;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two rounds with the id “%s”"), event_id, id);
    default:
      return FALSE;
    }
}

static gboolean
write_room (AuftaktStore  *self,
            const char    *event_id,
            gpointer       item,
            gint64         position,
            GError       **error)
{
  AuftaktRoom *room = item;
  const char *id = auftakt_room_get_id (room);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A room of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO rooms (event_id, id, position, name, capacity, description)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                       "UPDATE rooms SET name = ?4, capacity = ?5, description = ?6"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_room_get_name (room));
  bind_optional_int (stmt, 5, auftakt_room_get_capacity (room));
  bind_text (stmt, 6, auftakt_room_get_description (room));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two rooms with the id “%s”"), event_id, id);
    default:
      return FALSE;
    }

  return write_list (self, LIST_ROOM_UNAVAILABLE, event_id, id,
                     auftakt_room_get_unavailable (room), position < 0, error);
}

static gboolean
write_cluster (AuftaktStore  *self,
               const char    *event_id,
               gpointer       item,
               gint64         position,
               GError       **error)
{
  AuftaktCluster *cluster = item;
  const char *id = auftakt_cluster_get_id (cluster);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A cluster of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO clusters (event_id, id, position, title, description, colour)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                       "UPDATE clusters SET title = ?4, description = ?5, colour = ?6"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_cluster_get_title (cluster));
  bind_text (stmt, 5, auftakt_cluster_get_description (cluster));
  bind_text (stmt, 6, auftakt_cluster_get_colour (cluster));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      return TRUE;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two clusters with the id “%s”"), event_id, id);
    default:
      return FALSE;
    }
}

static gboolean
write_referee (AuftaktStore  *self,
               const char    *event_id,
               gpointer       item,
               gint64         position,
               GError       **error)
{
  AuftaktReferee *referee = item;
  const char *id = auftakt_referee_get_id (referee);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A referee of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO referees"
                       " (event_id, id, position, name, organisation, role, email)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                       "UPDATE referees SET name = ?4, organisation = ?5, role = ?6, email = ?7"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_referee_get_name (referee));
  bind_text (stmt, 5, auftakt_referee_get_organisation (referee));
  bind_text (stmt, 6, auftakt_referee_get_role (referee));
  bind_text (stmt, 7, auftakt_referee_get_email (referee));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two referees with the id “%s”"), event_id, id);
    default:
      return FALSE;
    }

  return write_list (self, LIST_REFEREE_UNAVAILABLE, event_id, id,
                     auftakt_referee_get_unavailable (referee), position < 0, error);
}

static gboolean
write_workshop (AuftaktStore  *self,
                const char    *event_id,
                gpointer       item,
                gint64         position,
                GError       **error)
{
  AuftaktWorkshop *workshop = item;
  const char *id = auftakt_workshop_get_id (workshop);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A workshop of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO workshops (event_id, id, position, title, description,"
                       " cluster, min, max, max_runs)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                       "UPDATE workshops SET title = ?4, description = ?5, cluster = ?6,"
                       " min = ?7, max = ?8, max_runs = ?9"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_workshop_get_title (workshop));
  bind_text (stmt, 5, auftakt_workshop_get_description (workshop));
  bind_text (stmt, 6, auftakt_workshop_get_cluster (workshop));
  bind_optional_int (stmt, 7, auftakt_workshop_get_min (workshop));
  bind_optional_int (stmt, 8, auftakt_workshop_get_max (workshop));
  bind_optional_int (stmt, 9, auftakt_workshop_get_max_runs (workshop));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two workshops with the id “%s”"), event_id, id);
    case WRITE_MISSING:
      return invalid (error, _("Workshop “%s” belongs to cluster “%s”, which does not exist"),
                      id, auftakt_workshop_get_cluster (workshop));
    default:
      return FALSE;
    }

  return write_list (self, LIST_WORKSHOP_LEADS, event_id, id,
                     auftakt_workshop_get_leads (workshop), position < 0, error) &&
         write_list (self, LIST_WORKSHOP_UNAVAILABLE, event_id, id,
                     auftakt_workshop_get_unavailable (workshop), position < 0, error);
}

static gboolean
write_participant (AuftaktStore  *self,
                   const char    *event_id,
                   gpointer       item,
                   gint64         position,
                   GError       **error)
{
  AuftaktParticipant *participant = item;
  const char *id = auftakt_participant_get_id (participant);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("A participant of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO participants"
                       " (event_id, id, position, name, organisation, email)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                       "UPDATE participants SET name = ?4, organisation = ?5, email = ?6"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_participant_get_name (participant));
  bind_text (stmt, 5, auftakt_participant_get_organisation (participant));
  bind_text (stmt, 6, auftakt_participant_get_email (participant));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two participants with the id “%s”"),
                      event_id, id);
    default:
      return FALSE;
    }

  return write_list (self, LIST_CHOICES, event_id, id,
                     auftakt_participant_get_choices (participant), position < 0, error) &&
         write_list (self, LIST_PARTICIPANT_UNAVAILABLE, event_id, id,
                     auftakt_participant_get_unavailable (participant), position < 0, error);
}

static gboolean
write_agenda_item (AuftaktStore  *self,
                   const char    *event_id,
                   gpointer       item,
                   gint64         position,
                   GError       **error)
{
  AuftaktAgendaItem *agenda_item = item;
  const char *id = auftakt_agenda_item_get_id (agenda_item);
  const char *room = auftakt_agenda_item_get_room (agenda_item);
  const char *round = auftakt_agenda_item_get_round (agenda_item);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (!has_id (id))
    return invalid (error, _("An agenda item of event “%s” has no id"), event_id);

  stmt = prepare_item (self,
                       "INSERT INTO agenda_items (event_id, id, position, number, title, kind,"
                       " start_min, end_min, room, round, description)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);",
                       "UPDATE agenda_items SET number = ?4, title = ?5, kind = ?6,"
                       " start_min = ?7, end_min = ?8, room = ?9, round = ?10, description = ?11"
                       " WHERE event_id = ?1 AND id = ?2;",
                       event_id, id, position, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 4, auftakt_agenda_item_get_number (agenda_item));
  bind_text (stmt, 5, auftakt_agenda_item_get_title (agenda_item));
  bind_text (stmt, 6, auftakt_agenda_kind_to_string (auftakt_agenda_item_get_kind (agenda_item)));
  bind_optional_int (stmt, 7, auftakt_agenda_item_get_start (agenda_item));
  bind_optional_int (stmt, 8, auftakt_agenda_item_get_end (agenda_item));
  bind_text (stmt, 9, room);
  bind_text (stmt, 10, round);
  bind_text (stmt, 11, auftakt_agenda_item_get_description (agenda_item));

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      return invalid (error, _("Event “%s” has two agenda items with the id “%s”"),
                      event_id, id);
    case WRITE_MISSING:
      if (!item_exists (self, KIND_ROOM, event_id, room))
        return invalid (error, _("Agenda item “%s” takes place in room “%s”, which does not exist"),
                        id, room);
      return invalid (error, _("Agenda item “%s” names round “%s”, which does not exist"),
                      id, round);
    default:
      return FALSE;
    }

  return write_list (self, LIST_AGENDA_SPEAKERS, event_id, id,
                     auftakt_agenda_item_get_speakers (agenda_item), position < 0, error);
}

static gboolean
write_all (AuftaktStore   *self,
           const char     *event_id,
           GListStore     *items,
           WriteItemFunc   write,
           GError        **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (!write (self, event_id, item, i, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
session_error (AuftaktStore    *self,
               const char      *event_id,
               AuftaktSession  *session,
               GError         **error)
{
  const char *workshop = auftakt_session_get_workshop (session);
  const char *round = auftakt_session_get_round (session);
  const char *room = auftakt_session_get_room (session);

  if (!item_exists (self, KIND_WORKSHOP, event_id, workshop))
    return invalid (error, _("The schedule holds a session of workshop “%s”, which does not exist"),
                    workshop);
  if (!item_exists (self, KIND_ROUND, event_id, round))
    return invalid (error, _("The schedule holds a session in round “%s”, which does not exist"),
                    round);
  return invalid (error, _("The schedule holds a session in room “%s”, which does not exist"),
                  room);
}

static gboolean
write_sessions (AuftaktStore     *self,
                const char       *event_id,
                AuftaktSchedule  *schedule,
                GError          **error)
{
  g_autoptr(AuftaktStoreStmt) insert_session = NULL;
  g_autoptr(AuftaktStoreStmt) insert_attendance = NULL;
  guint n = auftakt_schedule_get_n_sessions (schedule);

  insert_session = _auftakt_store_prepare (self,
                                           "INSERT INTO sessions"
                                           " (event_id, position, workshop, round, room, locked)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                                           error);
  insert_attendance = _auftakt_store_prepare (self,
                                              "INSERT INTO attendances"
                                              " (event_id, session, position, participant, locked)"
                                              " VALUES (?1, ?2, ?3, ?4, ?5);",
                                              error);
  if (insert_session == NULL || insert_attendance == NULL)
    return FALSE;

  bind_text (insert_session, 1, event_id);
  bind_text (insert_attendance, 1, event_id);

  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
      const char *workshop = auftakt_session_get_workshop (session);
      const char *round = auftakt_session_get_round (session);
      guint n_attendees = auftakt_session_get_n_attendees (session);

      if (!has_id (workshop) || !has_id (round))
        return invalid (error, _("A session of the schedule of event “%s” has no workshop or no round"),
                        event_id);

      sqlite3_bind_int (insert_session, 2, i);
      bind_text (insert_session, 3, workshop);
      bind_text (insert_session, 4, round);
      bind_text (insert_session, 5, auftakt_session_get_room (session));
      sqlite3_bind_int (insert_session, 6, auftakt_session_get_locked (session));

      switch (step_write (self, insert_session, error))
        {
        case WRITE_OK:
          break;
        case WRITE_MISSING:
          return session_error (self, event_id, session, error);
        default:
          return FALSE;
        }

      sqlite3_bind_int (insert_attendance, 2, i);
      for (guint j = 0; j < n_attendees; j++)
        {
          const AuftaktAttendance *attendance = auftakt_session_get_attendance (session, j);

          if (!has_id (attendance->participant))
            return invalid (error, _("The session of workshop “%s” in round “%s” has an attendee without id"),
                            workshop, round);

          sqlite3_bind_int (insert_attendance, 3, j);
          bind_text (insert_attendance, 4, attendance->participant);
          sqlite3_bind_int (insert_attendance, 5, attendance->locked);

          switch (step_write (self, insert_attendance, error))
            {
            case WRITE_OK:
              break;
            case WRITE_MISSING:
              return invalid (error,
                              _("The session of workshop “%s” in round “%s” names participant “%s”, who does not exist"),
                              workshop, round, attendance->participant);
            default:
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Internal API */

gboolean
_auftakt_store_write_event (AuftaktStore  *self,
                            AuftaktEvent  *event,
                            const char    *event_id,
                            gint64         position,
                            GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);

  stmt = _auftakt_store_prepare (self,
                                 "INSERT INTO events (id, position, title, date, venue, description,"
                                 " workshops_per_participant, unranked_cost, has_schedule)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, auftakt_event_get_title (event));
  bind_text (stmt, 4, auftakt_event_get_date (event));
  bind_text (stmt, 5, auftakt_event_get_venue (event));
  bind_text (stmt, 6, auftakt_event_get_description (event));
  sqlite3_bind_int (stmt, 7, auftakt_event_get_workshops_per_participant (event));
  sqlite3_bind_int (stmt, 8, auftakt_event_get_unranked_cost (event));
  sqlite3_bind_int (stmt, 9, schedule != NULL);

  switch (step_write (self, stmt, error))
    {
    case WRITE_OK:
      break;
    case WRITE_DUPLICATE:
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID,
                   _("“%s” already has an event “%s”"),
                   _auftakt_store_get_display_name (self), event_id);
      return FALSE;
    default:
      return FALSE;
    }

  /* In the order of their references: what a list names is written first. */
  return write_all (self, event_id, auftakt_event_get_rounds (event), write_round, error) &&
         write_all (self, event_id, auftakt_event_get_rooms (event), write_room, error) &&
         write_all (self, event_id, auftakt_event_get_clusters (event), write_cluster, error) &&
         write_all (self, event_id, auftakt_event_get_referees (event), write_referee, error) &&
         write_all (self, event_id, auftakt_event_get_workshops (event), write_workshop, error) &&
         write_all (self, event_id, auftakt_event_get_participants (event), write_participant,
                    error) &&
         write_all (self, event_id, auftakt_event_get_agenda (event), write_agenda_item, error) &&
         (schedule == NULL || write_sessions (self, event_id, schedule, error));
}

gboolean
_auftakt_store_write_schedule (AuftaktStore     *self,
                               const char       *event_id,
                               AuftaktSchedule  *schedule,
                               GError          **error)
{
  g_autoptr(AuftaktStoreStmt) delete = NULL;
  g_autoptr(AuftaktStoreStmt) update = NULL;

  /* The attendances go with their sessions (ON DELETE CASCADE). */
  delete = _auftakt_store_prepare (self, "DELETE FROM sessions WHERE event_id = ?1;", error);
  update = _auftakt_store_prepare (self, "UPDATE events SET has_schedule = ?2 WHERE id = ?1;",
                                   error);
  if (delete == NULL || update == NULL)
    return FALSE;

  bind_text (delete, 1, event_id);
  bind_text (update, 1, event_id);
  sqlite3_bind_int (update, 2, schedule != NULL);

  if (!step_or_fail (self, delete, error) || !step_or_fail (self, update, error))
    return FALSE;

  return schedule == NULL || write_sessions (self, event_id, schedule, error);
}

gboolean
_auftakt_store_write_properties (AuftaktStore  *self,
                                 AuftaktEvent  *event,
                                 const char    *event_id,
                                 GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  stmt = _auftakt_store_prepare (self,
                                 "UPDATE events SET title = ?2, date = ?3, venue = ?4,"
                                 " description = ?5, workshops_per_participant = ?6,"
                                 " unranked_cost = ?7"
                                 " WHERE id = ?1;",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, auftakt_event_get_title (event));
  bind_text (stmt, 3, auftakt_event_get_date (event));
  bind_text (stmt, 4, auftakt_event_get_venue (event));
  bind_text (stmt, 5, auftakt_event_get_description (event));
  sqlite3_bind_int (stmt, 6, auftakt_event_get_workshops_per_participant (event));
  sqlite3_bind_int (stmt, 7, auftakt_event_get_unranked_cost (event));

  return step_or_fail (self, stmt, error);
}

static const ItemKind *
find_item_kind (GType      type,
                GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_kinds); i++)
    if (type == item_kinds[i].get_type ())
      return &item_kinds[i];

  g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID,
               _("A %s is not an item of an event"), g_type_name (type));
  return NULL;
}

static gboolean no_such_item_error (GError     **error,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (2, 3);

static gboolean
no_such_item_error (GError     **error,
                    const char  *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (AUFTAKT_STORE_ERROR,
                                                AUFTAKT_STORE_ERROR_NO_SUCH_ITEM,
                                                format, args));
  va_end (args);
  return FALSE;
}

static gboolean
no_such_item (GError     **error,
              guint        kind,
              const char  *event_id,
              const char  *id)
{
  switch (kind)
    {
    case KIND_ROUND:
      return no_such_item_error (error, _("Event “%s” has no round “%s”"), event_id, id);
    case KIND_ROOM:
      return no_such_item_error (error, _("Event “%s” has no room “%s”"), event_id, id);
    case KIND_CLUSTER:
      return no_such_item_error (error, _("Event “%s” has no cluster “%s”"), event_id, id);
    case KIND_REFEREE:
      return no_such_item_error (error, _("Event “%s” has no referee “%s”"), event_id, id);
    case KIND_WORKSHOP:
      return no_such_item_error (error, _("Event “%s” has no workshop “%s”"), event_id, id);
    case KIND_PARTICIPANT:
      return no_such_item_error (error, _("Event “%s” has no participant “%s”"), event_id, id);
    case KIND_AGENDA_ITEM:
    default:
      return no_such_item_error (error, _("Event “%s” has no agenda item “%s”"), event_id, id);
    }
}

gboolean
_auftakt_store_write_item (AuftaktStore  *self,
                           const char    *event_id,
                           GObject       *item,
                           GError       **error)
{
  const ItemKind *kind = find_item_kind (G_OBJECT_TYPE (item), error);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autofree char *id = NULL;
  gint64 position;
  int rc;

  if (kind == NULL)
    return FALSE;

  g_object_get (item, "id", &id, NULL);

  /* An item already in the plan is updated in place, keeping its position
   * and the rows that refer to it; a new one goes last. */
  stmt = _auftakt_store_prepare (self, kind->position_sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      position = -1;
    }
  else if (rc == SQLITE_DONE)
    {
      g_clear_pointer (&stmt, _auftakt_store_release);
      stmt = _auftakt_store_prepare (self, kind->next_position_sql, error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, event_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _auftakt_store_error (self, rc, error);
          return FALSE;
        }
      position = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      _auftakt_store_error (self, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, _auftakt_store_release);

  return kind->write (self, event_id, item, position, error);
}

gboolean
_auftakt_store_remove_item (AuftaktStore  *self,
                            const char    *event_id,
                            GType          item_type,
                            const char    *item_id,
                            GError       **error)
{
  const ItemKind *kind = find_item_kind (item_type, error);
  g_autoptr(AuftaktStoreStmt) stmt = NULL;

  if (kind == NULL)
    return FALSE;

  stmt = _auftakt_store_prepare (self, kind->delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, item_id);
  if (!step_or_fail (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return no_such_item (error, kind - item_kinds, event_id, item_id);

  return TRUE;
}
