/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-export-frab"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-export-frab.h"

typedef struct {
  char    *name;
  GString *events;
} Room;

static void
room_free (gpointer data)
{
  Room *room = data;

  g_free (room->name);
  g_string_free (room->events, TRUE);
  g_free (room);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Escaped for XML 1.0, without the control characters it forbids. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
          g_string_append_c (out, *p);
        break;
      }
}

static void
append_element (GString    *out,
                const char *indent,
                const char *name,
                const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

/* The acronym must match [a-z0-9_-]{4,}. */
static char *
make_acronym (const char *id)
{
  GString *acronym = g_string_new (NULL);

  for (const char *p = id; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      g_string_append_c (acronym, g_ascii_isalnum (c) || c == '_' || c == '-' ? c : '-');
    }
  while (acronym->len < 4)
    g_string_append_c (acronym, '_');

  return g_string_free (acronym, FALSE);
}

static gboolean
is_hex_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;

  return TRUE;
}

/* A positive 31-bit id from the guid, unique among those handed out. */
static guint
event_number (const char *guid,
              GHashTable *used)
{
  guint64 value = g_ascii_strtoull (guid, NULL, 16);
  guint number = (value & 0x7FFFFFFF);

  if (number == 0)
    number = 1;
  while (g_hash_table_contains (used, GUINT_TO_POINTER (number)))
    number = number % 0x7FFFFFFF + 1;
  g_hash_table_add (used, GUINT_TO_POINTER (number));

  return number;
}

static Room *
find_room (GPtrArray  *rooms,
           const char *name)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      Room *room = g_ptr_array_index (rooms, i);

      if (g_str_equal (room->name, name))
        return room;
    }

  return NULL;
}

static char *
room_name (AuftaktEvent *event,
           const char   *room_id)
{
  AuftaktRoom *room = room_id != NULL ? auftakt_event_find_room (event, room_id) : NULL;

  if (room != NULL && !is_empty (auftakt_room_get_name (room)))
    return g_strdup (auftakt_room_get_name (room));
  if (!is_empty (room_id))
    return g_strdup (room_id);

  return g_strdup (_("Plenary"));
}

static void
append_persons (GString            *out,
                AuftaktEvent       *event,
                const char * const *ids)
{
  GListModel *referees = G_LIST_MODEL (auftakt_event_get_referees (event));

  g_string_append (out, "        <persons>\n");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      AuftaktReferee *referee = auftakt_event_find_referee (event, ids[i]);
      g_autofree char *guid = auftakt_export_uuid (auftakt_event_get_id (event), "referee",
                                                   ids[i], NULL);
      guint position = 0;

      if (referee != NULL)
        g_list_store_find (G_LIST_STORE (referees), referee, &position);
      g_string_append_printf (out, "          <person id=\"%u\" guid=\"%s\">",
                              position + 1, guid);
      append_escaped (out, referee != NULL && !is_empty (auftakt_referee_get_name (referee)) ?
                           auftakt_referee_get_name (referee) : ids[i]);
      g_string_append (out, "</person>\n");
    }
  g_string_append (out, "        </persons>\n");
}

static gboolean
append_event (GString            *out,
              AuftaktEvent       *event,
              const char         *guid,
              guint               number,
              const char         *room,
              const char         *title,
              const char         *subtitle,
              const char         *type,
              int                 start,
              int                 end,
              const char         *track,
              const char * const *persons,
              const char         *description,
              GError            **error)
{
  g_autoptr(GDateTime) date = auftakt_export_date_time (event, start, error);
  g_autofree char *iso = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *duration = NULL;

  if (date == NULL)
    return FALSE;

  iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  start_text = g_strdup_printf ("%02d:%02d", start / 60, start % 60);
  duration = g_strdup_printf ("%02d:%02d", (end - start) / 60, (end - start) % 60);

  g_string_append_printf (out, "      <event id=\"%u\" guid=\"%s\">\n", number, guid);
  append_element (out, "        ", "room", room);
  append_element (out, "        ", "title", title);
  if (!is_empty (subtitle))
    append_element (out, "        ", "subtitle", subtitle);
  append_element (out, "        ", "type", type);
  append_element (out, "        ", "date", iso);
  append_element (out, "        ", "start", start_text);
  append_element (out, "        ", "duration", duration);
  append_element (out, "        ", "abstract", "");
  append_element (out, "        ", "track", track);
  append_persons (out, event, persons);
  append_element (out, "        ", "description", description);
  g_string_append (out, "      </event>\n");

  return TRUE;
}

char *
auftakt_export_frab_to_string (AuftaktEvent  *event,
                               GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) day = g_string_new (NULL);
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (room_free);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) timetable = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GDateTime) day_end = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *acronym = NULL;
  g_autofree char *version = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GListModel *room_list = G_LIST_MODEL (auftakt_event_get_rooms (event));
  GListModel *clusters = G_LIST_MODEL (auftakt_event_get_clusters (event));
  const char *plenary = _("Plenary");
  const char *id = auftakt_event_get_id (event);
  int first = 24 * 60, last = 0;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  day_start = auftakt_export_date_time (event, 0, error);
  if (day_start == NULL)
    return NULL;
  g_clear_pointer (&day_start, g_date_time_unref);

  /* rooms in the event's order, then any other room named */
  for (guint i = 0; i < g_list_model_get_n_items (room_list); i++)
    {
      g_autoptr(AuftaktRoom) r = g_list_model_get_item (room_list, i);
      Room *room = g_new0 (Room, 1);

      room->name = room_name (event, auftakt_room_get_id (r));
      room->events = g_string_new (NULL);
      if (find_room (rooms, room->name) != NULL)
        room_free (room);
      else
        g_ptr_array_add (rooms, room);
    }

  timetable = auftakt_export_timetable (event, NULL);
  for (guint i = 0; i < timetable->len; i++)
    {
      AuftaktTimetableEntry *entry = &g_array_index (timetable, AuftaktTimetableEntry, i);
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;
      g_autofree char *what = NULL;
      Room *room;
      gboolean ok;

      if (entry->item != NULL)
        {
          AuftaktAgendaItem *item = entry->item;
          const char *title = auftakt_agenda_item_get_title (item);

          what = g_strdup_printf (_("the agenda item “%s”"),
                                  !is_empty (title) ? title : auftakt_agenda_item_get_id (item));
          guid = auftakt_export_uuid (id, "agenda", auftakt_agenda_item_get_id (item), "", NULL);
          name = room_name (event, auftakt_agenda_item_get_room (item));
        }
      else
        {
          what = g_strdup_printf (_("the round %s"), auftakt_session_get_round (entry->session));
          guid = auftakt_export_uuid (id, "session", auftakt_session_get_workshop (entry->session),
                                      auftakt_session_get_round (entry->session), NULL);
          name = room_name (event, auftakt_session_get_room (entry->session));
        }

      if (entry->start < 0 || entry->end < 0)
        {
          g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_TIME,
                       _("%s has no start or end time"), what);
          return NULL;
        }
      first = MIN (first, entry->start);
      last = MAX (last, entry->end);

      room = find_room (rooms, name);
      if (room == NULL)
        {
          room = g_new0 (Room, 1);
          room->name = g_strdup (name);
          room->events = g_string_new (NULL);
          g_ptr_array_add (rooms, room);
        }

      if (entry->item != NULL)
        {
          AuftaktAgendaItem *item = entry->item;
          const char *title = auftakt_agenda_item_get_title (item);

          ok = append_event (room->events, event, guid, event_number (guid, used), name,
                             !is_empty (title) ? title : auftakt_agenda_item_get_id (item),
                             NULL,
                             auftakt_agenda_kind_to_string (auftakt_agenda_item_get_kind (item)),
                             entry->start, MAX (entry->end, entry->start), plenary,
                             auftakt_agenda_item_get_speakers (item),
                             auftakt_agenda_item_get_description (item), error);
        }
      else
        {
          AuftaktSession *session = entry->session;
          AuftaktWorkshop *workshop =
            auftakt_event_find_workshop (event, auftakt_session_get_workshop (session));
          AuftaktRound *round =
            auftakt_event_find_round (event, auftakt_session_get_round (session));
          AuftaktCluster *cluster = NULL;
          const char *title = workshop != NULL ? auftakt_workshop_get_title (workshop) : NULL;
          const char * const no_one[] = { NULL };

          if (workshop != NULL && auftakt_workshop_get_cluster (workshop) != NULL)
            cluster = auftakt_event_find_cluster (event, auftakt_workshop_get_cluster (workshop));

          ok = append_event (room->events, event, guid, event_number (guid, used), name,
                             !is_empty (title) ? title : auftakt_session_get_workshop (session),
                             round != NULL ? auftakt_round_get_title (round) : NULL,
                             "workshop", entry->start, MAX (entry->end, entry->start),
                             cluster != NULL && !is_empty (auftakt_cluster_get_title (cluster)) ?
                             auftakt_cluster_get_title (cluster) : _("Workshops"),
                             workshop != NULL ? auftakt_workshop_get_leads (workshop) : no_one,
                             workshop != NULL ? auftakt_workshop_get_description (workshop) : NULL,
                             error);
        }
      if (!ok)
        return NULL;
    }

  if (first > last)
    {
      first = 0;
      last = 24 * 60 - 1;
    }
  day_start = auftakt_export_date_time (event, first, NULL);
  day_end = auftakt_export_date_time (event, MIN (last, 24 * 60 - 1), NULL);
  start_text = g_date_time_format (day_start, "%Y-%m-%dT%H:%M:%S%:z");
  end_text = g_date_time_format (day_end, "%Y-%m-%dT%H:%M:%S%:z");

  g_string_append_printf (day, "  <day index=\"1\" date=\"%s\" start=\"%s\" end=\"%s\">\n",
                          auftakt_event_get_date (event), start_text, end_text);
  for (guint i = 0; i < rooms->len; i++)
    {
      Room *room = g_ptr_array_index (rooms, i);
      g_autofree char *guid = auftakt_export_uuid (id, "room", room->name, NULL);

      if (room->events->len == 0)
        continue;
      g_string_append (day, "    <room name=\"");
      append_escaped (day, room->name);
      g_string_append_printf (day, "\" guid=\"%s\">\n", guid);
      g_string_append (day, room->events->str);
      g_string_append (day, "    </room>\n");
    }
  g_string_append (day, "  </day>\n");

  /* the version changes exactly when the schedule does */
  g_checksum_update (checksum, (const guchar *) day->str, day->len);
  version = g_strndup (g_checksum_get_string (checksum), 8);
  acronym = make_acronym (id);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<schedule>\n");
  g_string_append (out, "  <generator name=\"Auftakt\" version=\"" PACKAGE_VERSION "\"/>\n");
  append_element (out, "  ", "version", version);
  g_string_append (out, "  <conference>\n");
  append_element (out, "    ", "acronym", acronym);
  append_element (out, "    ", "title",
                  !is_empty (auftakt_event_get_title (event)) ? auftakt_event_get_title (event)
                                                              : id);
  append_element (out, "    ", "start", auftakt_event_get_date (event));
  append_element (out, "    ", "end", auftakt_event_get_date (event));
  append_element (out, "    ", "days", "1");
  append_element (out, "    ", "timeslot_duration", "00:05");
  append_element (out, "    ", "time_zone_name", AUFTAKT_EXPORT_TIME_ZONE);
  g_string_append (out, "    <track name=\"");
  append_escaped (out, plenary);
  g_string_append (out, "\"/>\n");
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AuftaktCluster) cluster = g_list_model_get_item (clusters, i);
      const char *colour = auftakt_cluster_get_colour (cluster);

      if (is_empty (auftakt_cluster_get_title (cluster)))
        continue;
      g_string_append (out, "    <track name=\"");
      append_escaped (out, auftakt_cluster_get_title (cluster));
      if (is_hex_colour (colour))
        g_string_append_printf (out, "\" color=\"%s", colour);
      g_string_append (out, "\"/>\n");
    }
  g_string_append (out, "  </conference>\n");
  g_string_append (out, day->str);
  g_string_append (out, "</schedule>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
auftakt_export_frab (AuftaktEvent  *event,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *text = auftakt_export_frab_to_string (event, error);

  if (text == NULL)
    return FALSE;

  return auftakt_export_write_file (path, text, strlen (text), error);
}
