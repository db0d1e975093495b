/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-export.h"
#include "auftakt-util.h"

G_DEFINE_QUARK (auftakt-export-error-quark, auftakt_export_error)

/* The namespace of Auftakt's name-based UUIDs (itself a random UUID). */
static const guint8 uuid_namespace[16] = {
  0x6f, 0x1c, 0x3c, 0x52, 0x8a, 0x0e, 0x4d, 0x7b,
  0x9a, 0x3e, 0x5b, 0x2f, 0x0c, 0x1d, 0x9e, 0x47,
};

char *
auftakt_export_uuid (const char *first,
                     ...)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;
  va_list args;

  g_checksum_update (checksum, uuid_namespace, sizeof uuid_namespace);

  /* length-prefixed, so that ("a:b", "c") and ("a", "b:c") differ */
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_autofree char *prefix = g_strdup_printf ("%zu:", strlen (part));

      g_checksum_update (checksum, (const guchar *) prefix, -1);
      g_checksum_update (checksum, (const guchar *) part, -1);
    }
  va_end (args);

  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0F) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3F) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

gboolean
auftakt_export_parse_date (const char *date,
                           int        *year,
                           int        *month,
                           int        *day)
{
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  parts = g_strsplit (date, "-", 3);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

static GTimeZone *
event_time_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier (AUFTAKT_EXPORT_TIME_ZONE);

  /* without tzdata: Central European (standard) time */
  return zone != NULL ? zone : g_time_zone_new_offset (3600);
}

GDateTime *
auftakt_export_date_time (AuftaktEvent  *event,
                          int            minutes,
                          GError       **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  if (!auftakt_export_parse_date (auftakt_event_get_date (event), &year, &month, &day))
    {
      if (auftakt_event_get_date (event) == NULL)
        g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_DATE,
                     _("the event %s has no date"), auftakt_event_get_id (event));
      else
        g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_DATE,
                     _("the date “%s” of the event %s is not a date (YYYY-MM-DD)"),
                     auftakt_event_get_date (event), auftakt_event_get_id (event));
      return NULL;
    }

  zone = event_time_zone ();
  return g_date_time_new (zone, year, month, day, minutes / 60, minutes % 60, 0);
}

GHashTable *
auftakt_export_sessions_by_participant (AuftaktEvent *event)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);
  GListModel *rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));
  guint n_rounds = g_list_model_get_n_items (rounds);

  if (schedule == NULL)
    return table;

  /* round by round, so that each list is in the order of the day */
  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);

      for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule); i++)
        {
          AuftaktSession *session = auftakt_schedule_get_session (schedule, i);

          if (g_strcmp0 (auftakt_session_get_round (session), auftakt_round_get_id (round)) != 0)
            continue;

          for (guint j = 0; j < auftakt_session_get_n_attendees (session); j++)
            {
              const char *id = auftakt_session_get_attendance (session, j)->participant;
              GPtrArray *list = g_hash_table_lookup (table, id);

              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (table, g_strdup (id), list);
                }
              if (!g_ptr_array_find (list, session, NULL))
                g_ptr_array_add (list, session);
            }
        }
    }

  return table;
}

typedef struct {
  AuftaktTimetableEntry entry;
  guint                 order;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a, *y = b;

  if (x->entry.start != y->entry.start)
    return x->entry.start < y->entry.start ? -1 : 1;
  if (x->entry.end != y->entry.end)
    return x->entry.end < y->entry.end ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static guint
position_of_room (AuftaktEvent *event,
                  const char   *room_id)
{
  GListModel *rooms = G_LIST_MODEL (auftakt_event_get_rooms (event));
  guint n = g_list_model_get_n_items (rooms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (auftakt_room_get_id (room), room_id) == 0)
        return i;
    }

  return n;
}

GArray *
auftakt_export_timetable (AuftaktEvent *event,
                          GPtrArray    *sessions)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, TRUE, sizeof (SortEntry));
  GListModel *agenda = G_LIST_MODEL (auftakt_event_get_agenda (event));
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);
  GArray *result;
  guint n;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  n = g_list_model_get_n_items (agenda);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktAgendaItem) item = g_list_model_get_item (agenda, i);
      SortEntry e = { { 0, }, i };

      if (auftakt_agenda_item_get_kind (item) == AUFTAKT_AGENDA_KIND_WORKSHOPS)
        continue;
      e.entry.item = item;  /* the agenda holds a reference */
      e.entry.start = auftakt_agenda_item_get_start (item);
      e.entry.end = auftakt_agenda_item_get_end (item);
      g_array_append_val (sorted, e);
    }

  if (sessions != NULL)
    n = sessions->len;
  else
    n = schedule != NULL ? auftakt_schedule_get_n_sessions (schedule) : 0;
  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *session = sessions != NULL ? g_ptr_array_index (sessions, i)
                                                 : auftakt_schedule_get_session (schedule, i);
      AuftaktRound *round = auftakt_event_find_round (event, auftakt_session_get_round (session));
      SortEntry e = { { 0, }, 0 };

      e.entry.session = session;
      e.entry.start = round != NULL ? auftakt_round_get_start (round) : -1;
      e.entry.end = round != NULL ? auftakt_round_get_end (round) : -1;
      /* sessions after the agenda items at the same time, in room order */
      e.order = 100000 + position_of_room (event, auftakt_session_get_room (session));
      g_array_append_val (sorted, e);
    }

  g_array_sort (sorted, compare_entries);

  result = g_array_sized_new (FALSE, TRUE, sizeof (AuftaktTimetableEntry), sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    g_array_append_val (result, g_array_index (sorted, SortEntry, i).entry);

  return result;
}

char *
auftakt_export_referee_names (AuftaktEvent       *event,
                              const char * const *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AuftaktReferee *referee = auftakt_event_find_referee (event, ids[i]);
      const char *name = referee != NULL ? auftakt_referee_get_name (referee) : NULL;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name != NULL && name[0] != '\0' ? name : ids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

GDateTime *
auftakt_export_now_utc (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc (seconds);

  return g_date_time_new_now_utc ();
}

gboolean
auftakt_export_write_file (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* through links, and into /dev/stdout, never replacing them */
  if (!auftakt_write_file (path, contents, length, &local_error))
    {
      g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_WRITE,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
