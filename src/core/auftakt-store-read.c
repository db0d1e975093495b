/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "auftakt-store-private.h"

/* Loading an event from a plan.  One query per table, ordered by position;
 * the lists of the items (unavailable rounds, choices, ...) are grouped by
 * their owner and attached through a hash table, and each GListStore is
 * filled with one splice, so that a window showing it sees one
 * items-changed. */

typedef gpointer (*NewItemFunc)  (sqlite3_stmt       *stmt);
typedef void     (*SetListFunc)  (gpointer            item,
                                  const char * const *values);

/* NULL for SQL NULL, "" for an empty text. */
static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return (const char *) sqlite3_column_text (stmt, column);
}

/* NULL is -1, the model's "unset". */
static int
column_optional_int (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int (stmt, column);
}

static gboolean
finish_rows (AuftaktStore  *self,
             int            rc,
             GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _auftakt_store_error (self, rc, error);
  return FALSE;
}

static gpointer
new_round (sqlite3_stmt *stmt)
{
  AuftaktRound *round = auftakt_round_new (column_text (stmt, 0));

  auftakt_round_set_title (round, column_text (stmt, 1));
  auftakt_round_set_start (round, column_optional_int (stmt, 2));
  auftakt_round_set_end (round, column_optional_int (stmt, 3));
  return round;
}

static gpointer
new_room (sqlite3_stmt *stmt)
{
  AuftaktRoom *room = auftakt_room_new (column_text (stmt, 0));

  auftakt_room_set_name (room, column_text (stmt, 1));
  auftakt_room_set_capacity (room, column_optional_int (stmt, 2));
  auftakt_room_set_description (room, column_text (stmt, 3));
  return room;
}

static gpointer
new_cluster (sqlite3_stmt *stmt)
{
  AuftaktCluster *cluster = auftakt_cluster_new (column_text (stmt, 0));

  auftakt_cluster_set_title (cluster, column_text (stmt, 1));
  auftakt_cluster_set_description (cluster, column_text (stmt, 2));
  auftakt_cluster_set_colour (cluster, column_text (stmt, 3));
  return cluster;
}

static gpointer
new_referee (sqlite3_stmt *stmt)
{
  AuftaktReferee *referee = auftakt_referee_new (column_text (stmt, 0));

  auftakt_referee_set_name (referee, column_text (stmt, 1));
  auftakt_referee_set_organisation (referee, column_text (stmt, 2));
  auftakt_referee_set_role (referee, column_text (stmt, 3));
  auftakt_referee_set_email (referee, column_text (stmt, 4));
  return referee;
}

static gpointer
new_workshop (sqlite3_stmt *stmt)
{
  AuftaktWorkshop *workshop = auftakt_workshop_new (column_text (stmt, 0));

  auftakt_workshop_set_title (workshop, column_text (stmt, 1));
  auftakt_workshop_set_description (workshop, column_text (stmt, 2));
  auftakt_workshop_set_cluster (workshop, column_text (stmt, 3));
  auftakt_workshop_set_min (workshop, column_optional_int (stmt, 4));
  auftakt_workshop_set_max (workshop, column_optional_int (stmt, 5));
  auftakt_workshop_set_max_runs (workshop, column_optional_int (stmt, 6));
  return workshop;
}

static gpointer
new_participant (sqlite3_stmt *stmt)
{
  AuftaktParticipant *participant = auftakt_participant_new (column_text (stmt, 0));

  auftakt_participant_set_name (participant, column_text (stmt, 1));
  auftakt_participant_set_organisation (participant, column_text (stmt, 2));
  auftakt_participant_set_email (participant, column_text (stmt, 3));
  return participant;
}

static gpointer
new_agenda_item (sqlite3_stmt *stmt)
{
  AuftaktAgendaItem *item = auftakt_agenda_item_new (column_text (stmt, 0));
  AuftaktAgendaKind kind;

  /* A kind this Auftakt does not know (from a newer one) reads as "other". */
  if (!auftakt_agenda_kind_from_string (column_text (stmt, 3), &kind))
    kind = AUFTAKT_AGENDA_KIND_OTHER;

  auftakt_agenda_item_set_number (item, column_text (stmt, 1));
  auftakt_agenda_item_set_title (item, column_text (stmt, 2));
  auftakt_agenda_item_set_kind (item, kind);
  auftakt_agenda_item_set_start (item, column_optional_int (stmt, 4));
  auftakt_agenda_item_set_end (item, column_optional_int (stmt, 5));
  auftakt_agenda_item_set_room (item, column_text (stmt, 6));
  auftakt_agenda_item_set_round (item, column_text (stmt, 7));
  auftakt_agenda_item_set_description (item, column_text (stmt, 8));
  return item;
}

static void
set_room_unavailable (gpointer            item,
                      const char * const *values)
{
  auftakt_room_set_unavailable (item, values);
}

static void
set_referee_unavailable (gpointer            item,
                         const char * const *values)
{
  auftakt_referee_set_unavailable (item, values);
}

static void
set_workshop_leads (gpointer            item,
                    const char * const *values)
{
  auftakt_workshop_set_leads (item, values);
}

static void
set_workshop_unavailable (gpointer            item,
                          const char * const *values)
{
  auftakt_workshop_set_unavailable (item, values);
}

static void
set_participant_choices (gpointer            item,
                         const char * const *values)
{
  auftakt_participant_set_choices (item, values);
}

static void
set_participant_unavailable (gpointer            item,
                             const char * const *values)
{
  auftakt_participant_set_unavailable (item, values);
}

static void
set_agenda_speakers (gpointer            item,
                     const char * const *values)
{
  auftakt_agenda_item_set_speakers (item, values);
}

/* Reads the items of one table (id in column 0) into @store; with @by_id,
 * also indexes them by id (borrowed) for attaching their lists. */
static gboolean
read_items (AuftaktStore  *self,
            const char    *sql,
            const char    *event_id,
            NewItemFunc    new_item,
            GListStore    *store,
            GHashTable    *by_id,
            GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  stmt = _auftakt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer item = new_item (stmt);

      g_ptr_array_add (items, item);
      if (by_id != NULL)
        g_hash_table_insert (by_id, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             item);
    }

  if (!finish_rows (self, rc, error))
    return FALSE;

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  return TRUE;
}

static void
flush_list (GHashTable  *by_id,
            const char  *owner,
            GPtrArray   *values,
            SetListFunc  set_list)
{
  gpointer item;

  if (owner == NULL)
    return;

  item = g_hash_table_lookup (by_id, owner);
  if (item != NULL)
    {
      g_ptr_array_add (values, NULL);
      set_list (item, (const char * const *) values->pdata);
    }

  g_ptr_array_set_size (values, 0);
}

/* Reads rows of (owner id, value) ordered by owner and position, and sets
 * each owner's list at once. */
static gboolean
read_lists (AuftaktStore  *self,
            const char    *sql,
            const char    *event_id,
            GHashTable    *by_id,
            SetListFunc    set_list,
            GError       **error)
{
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *owner = NULL;
  int rc;

  stmt = _auftakt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_owner = (const char *) sqlite3_column_text (stmt, 0);

      if (owner == NULL || strcmp (owner, row_owner) != 0)
        {
          flush_list (by_id, owner, values, set_list);
          g_free (owner);
          owner = g_strdup (row_owner);
        }

      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (!finish_rows (self, rc, error))
    return FALSE;

  flush_list (by_id, owner, values, set_list);
  return TRUE;
}

static AuftaktSchedule *
read_schedule (AuftaktStore  *self,
               const char    *event_id,
               GError       **error)
{
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) by_position = NULL;
  AuftaktSession *session = NULL;
  int session_position = -1;
  int rc;

  stmt = _auftakt_store_prepare (self,
                                 "SELECT position, workshop, round, room, locked FROM sessions"
                                 " WHERE event_id = ?1 ORDER BY position;",
                                 error);
  if (stmt == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  by_position = g_hash_table_new (NULL, NULL);
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AuftaktSession *new_session = auftakt_session_new (column_text (stmt, 1),
                                                         column_text (stmt, 2),
                                                         column_text (stmt, 3));

      auftakt_session_set_locked (new_session, sqlite3_column_int (stmt, 4) != 0);
      g_ptr_array_add (sessions, new_session);
      /* positions are indexes into a schedule, far below G_MAXINT */
      g_hash_table_insert (by_position, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                           new_session);
    }

  if (!finish_rows (self, rc, error))
    return NULL;

  g_clear_pointer (&stmt, _auftakt_store_release);
  stmt = _auftakt_store_prepare (self,
                                 "SELECT session, participant, locked FROM attendances"
                                 " WHERE event_id = ?1 ORDER BY session, position;",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int position = sqlite3_column_int (stmt, 0);

      if (session == NULL || position != session_position)
        {
          session = g_hash_table_lookup (by_position, GINT_TO_POINTER (position));
          session_position = position;
        }

      if (session != NULL)
        auftakt_session_add_attendee (session, column_text (stmt, 1),
                                      sqlite3_column_int (stmt, 2) != 0);
    }

  if (!finish_rows (self, rc, error))
    return NULL;

  auftakt_schedule_splice (schedule, sessions);
  return g_steal_pointer (&schedule);
}

AuftaktEvent *
_auftakt_store_read_event (AuftaktStore  *self,
                           const char    *event_id,
                           GError       **error)
{
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktStoreStmt) stmt = NULL;
  g_autoptr(GHashTable) rooms = NULL;
  g_autoptr(GHashTable) referees = NULL;
  g_autoptr(GHashTable) workshops = NULL;
  g_autoptr(GHashTable) participants = NULL;
  g_autoptr(GHashTable) agenda = NULL;
  gboolean has_schedule;
  int rc;

  stmt = _auftakt_store_prepare (self,
                                 "SELECT title, date, venue, description,"
                                 " workshops_per_participant, unranked_cost, has_schedule"
                                 " FROM events WHERE id = ?1;",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                   _("“%s” has no event “%s”"), _auftakt_store_get_display_name (self),
                   event_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _auftakt_store_error (self, rc, error);
      return NULL;
    }

  event = auftakt_event_new (event_id);
  auftakt_event_set_title (event, column_text (stmt, 0));
  auftakt_event_set_date (event, column_text (stmt, 1));
  auftakt_event_set_venue (event, column_text (stmt, 2));
  auftakt_event_set_description (event, column_text (stmt, 3));
  auftakt_event_set_workshops_per_participant (event, sqlite3_column_int (stmt, 4));
  auftakt_event_set_unranked_cost (event, sqlite3_column_int (stmt, 5));
  has_schedule = sqlite3_column_int (stmt, 6) != 0;
  g_clear_pointer (&stmt, _auftakt_store_release);

  rooms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  referees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  workshops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  participants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  agenda = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_items (self,
                   "SELECT id, title, start_min, end_min FROM rounds"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_round, auftakt_event_get_rounds (event), NULL, error) ||
      !read_items (self,
                   "SELECT id, name, capacity, description FROM rooms"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_room, auftakt_event_get_rooms (event), rooms, error) ||
      !read_items (self,
                   "SELECT id, title, description, colour FROM clusters"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_cluster, auftakt_event_get_clusters (event), NULL, error) ||
      !read_items (self,
                   "SELECT id, name, organisation, role, email FROM referees"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_referee, auftakt_event_get_referees (event), referees, error) ||
      !read_items (self,
                   "SELECT id, title, description, cluster, min, max, max_runs FROM workshops"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_workshop, auftakt_event_get_workshops (event), workshops,
                   error) ||
      !read_items (self,
                   "SELECT id, name, organisation, email FROM participants"
                   " WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_participant, auftakt_event_get_participants (event),
                   participants, error) ||
      !read_items (self,
                   "SELECT id, number, title, kind, start_min, end_min, room, round, description"
                   " FROM agenda_items WHERE event_id = ?1 ORDER BY position, id;",
                   event_id, new_agenda_item, auftakt_event_get_agenda (event), agenda, error))
    return NULL;

  if (!read_lists (self,
                   "SELECT room, round FROM room_unavailable"
                   " WHERE event_id = ?1 ORDER BY room, position;",
                   event_id, rooms, set_room_unavailable, error) ||
      !read_lists (self,
                   "SELECT referee, round FROM referee_unavailable"
                   " WHERE event_id = ?1 ORDER BY referee, position;",
                   event_id, referees, set_referee_unavailable, error) ||
      !read_lists (self,
                   "SELECT workshop, referee FROM workshop_leads"
                   " WHERE event_id = ?1 ORDER BY workshop, position;",
                   event_id, workshops, set_workshop_leads, error) ||
      !read_lists (self,
                   "SELECT workshop, round FROM workshop_unavailable"
                   " WHERE event_id = ?1 ORDER BY workshop, position;",
                   event_id, workshops, set_workshop_unavailable, error) ||
      !read_lists (self,
                   "SELECT participant, workshop FROM choices"
                   " WHERE event_id = ?1 ORDER BY participant, rank;",
                   event_id, participants, set_participant_choices, error) ||
      !read_lists (self,
                   "SELECT participant, round FROM participant_unavailable"
                   " WHERE event_id = ?1 ORDER BY participant, position;",
                   event_id, participants, set_participant_unavailable, error) ||
      !read_lists (self,
                   "SELECT item, referee FROM agenda_speakers"
                   " WHERE event_id = ?1 ORDER BY item, position;",
                   event_id, agenda, set_agenda_speakers, error))
    return NULL;

  if (has_schedule)
    {
      g_autoptr(AuftaktSchedule) schedule = read_schedule (self, event_id, error);

      if (schedule == NULL)
        return NULL;

      auftakt_event_set_schedule (event, schedule);
    }

  return g_steal_pointer (&event);
}
