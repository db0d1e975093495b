/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-export-ics"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-export-ics.h"

#define MAX_LINE_OCTETS 75

/* Europe/Berlin since 1996: CET, CEST from the last Sunday in March to the
 * last Sunday in October. */
static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" AUFTAKT_EXPORT_TIME_ZONE "\r\n"
  "X-LIC-LOCATION:" AUFTAKT_EXPORT_TIME_ZONE "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* Appends "NAME:value\r\n", folded after 75 octets without splitting a
 * UTF-8 character (RFC 5545, 3.1). */
static void
append_line (GString    *out,
             const char *line)
{
  gsize used = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize size = next - p;

      if (used + size > MAX_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          used = 1;
        }
      g_string_append_len (out, p, size);
      used += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* A TEXT value (RFC 5545, 3.3.11). */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
      case ';':
      case ',':
        g_string_append_c (escaped, '\\');
        g_string_append_c (escaped, *p);
        break;
      case '\n':
        g_string_append (escaped, "\\n");
        break;
      case '\r':
        break;
      default:
        /* other control characters are not allowed in a value */
        if ((guchar) *p >= 0x20 || *p == '\t')
          g_string_append_c (escaped, *p);
        break;
      }

  return g_string_free (escaped, FALSE);
}

G_GNUC_PRINTF (2, 3)
static void
append_property (GString    *out,
                 const char *format,
                 ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  append_line (out, line);
}

static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = escape_text (value);

  append_property (out, "%s:%s", name, escaped);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static char *
location (AuftaktEvent *event,
          const char   *room_id)
{
  AuftaktRoom *room = room_id != NULL ? auftakt_event_find_room (event, room_id) : NULL;
  const char *venue = auftakt_event_get_venue (event);
  const char *name = NULL;

  if (room != NULL)
    name = !is_empty (auftakt_room_get_name (room)) ? auftakt_room_get_name (room)
                                                    : auftakt_room_get_id (room);
  else if (!is_empty (room_id))
    name = room_id;

  if (name != NULL && !is_empty (venue))
    return g_strdup_printf ("%s, %s", name, venue);

  return g_strdup (name != NULL ? name : venue);
}

static gboolean
append_times (GString       *out,
              AuftaktEvent  *event,
              int            start,
              int            end,
              const char    *what,
              GError       **error)
{
  g_autoptr(GDateTime) dtstart = NULL;
  g_autoptr(GDateTime) dtend = NULL;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (start < 0 || end < 0)
    {
      g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_TIME,
                   _("%s has no start or end time"), what);
      return FALSE;
    }

  dtstart = auftakt_export_date_time (event, start, error);
  if (dtstart == NULL)
    return FALSE;
  dtend = auftakt_export_date_time (event, MAX (end, start), error);
  if (dtend == NULL)
    return FALSE;

  s = g_date_time_format (dtstart, "%Y%m%dT%H%M%S");
  e = g_date_time_format (dtend, "%Y%m%dT%H%M%S");
  append_property (out, "DTSTART;TZID=%s:%s", AUFTAKT_EXPORT_TIME_ZONE, s);
  append_property (out, "DTEND;TZID=%s:%s", AUFTAKT_EXPORT_TIME_ZONE, e);

  return TRUE;
}

static gboolean
append_agenda_item (GString            *out,
                    AuftaktEvent       *event,
                    AuftaktAgendaItem  *item,
                    AuftaktParticipant *participant,
                    const char         *stamp,
                    GError            **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  g_autofree char *speakers =
    auftakt_export_referee_names (event, auftakt_agenda_item_get_speakers (item));
  g_autoptr(GString) description = g_string_new (NULL);
  const char *title = auftakt_agenda_item_get_title (item);

  uid = auftakt_export_uuid (auftakt_event_get_id (event), "agenda",
                             auftakt_agenda_item_get_id (item),
                             participant != NULL ? auftakt_participant_get_id (participant) : "",
                             NULL);
  what = g_strdup_printf (_("the agenda item “%s”"),
                          !is_empty (title) ? title : auftakt_agenda_item_get_id (item));

  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID:%s", uid);
  append_property (out, "DTSTAMP:%s", stamp);
  if (!append_times (out, event, auftakt_agenda_item_get_start (item),
                     auftakt_agenda_item_get_end (item), what, error))
    return FALSE;
  append_text (out, "SUMMARY", !is_empty (title) ? title : auftakt_agenda_item_get_id (item));

  where = location (event, auftakt_agenda_item_get_room (item));
  if (where != NULL)
    append_text (out, "LOCATION", where);

  g_string_append (description, speakers);
  if (!is_empty (auftakt_agenda_item_get_description (item)))
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            auftakt_agenda_item_get_description (item));
  if (description->len > 0)
    append_text (out, "DESCRIPTION", description->str);
  append_text (out, "CATEGORIES",
               auftakt_agenda_kind_get_label (auftakt_agenda_item_get_kind (item)));
  append_line (out, "TRANSP:OPAQUE");
  append_line (out, "END:VEVENT");

  return TRUE;
}

static gboolean
append_session (GString            *out,
                AuftaktEvent       *event,
                AuftaktSession     *session,
                AuftaktParticipant *participant,
                const char         *stamp,
                GError            **error)
{
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event,
                                                           auftakt_session_get_workshop (session));
  AuftaktRound *round = auftakt_event_find_round (event, auftakt_session_get_round (session));
  const char *title = workshop != NULL ? auftakt_workshop_get_title (workshop) : NULL;
  AuftaktCluster *cluster = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (is_empty (title))
    title = auftakt_session_get_workshop (session);

  /* A participant has one workshop per round: keyed by the round, their
   * calendar entry follows them when the schedule changes their workshop. */
  if (participant != NULL)
    uid = auftakt_export_uuid (auftakt_event_get_id (event), "round",
                               auftakt_session_get_round (session),
                               auftakt_participant_get_id (participant), NULL);
  else
    uid = auftakt_export_uuid (auftakt_event_get_id (event), "session",
                               auftakt_session_get_workshop (session),
                               auftakt_session_get_round (session), NULL);

  what = g_strdup_printf (_("the round %s"), auftakt_session_get_round (session));

  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID:%s", uid);
  append_property (out, "DTSTAMP:%s", stamp);
  if (round == NULL)
    {
      g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_TIME,
                   _("%s has no start or end time"), what);
      return FALSE;
    }
  if (!append_times (out, event, auftakt_round_get_start (round), auftakt_round_get_end (round),
                     what, error))
    return FALSE;

  summary = g_strdup_printf (_("Workshop: %s"), title);
  append_text (out, "SUMMARY", summary);
  where = location (event, auftakt_session_get_room (session));
  if (where != NULL)
    append_text (out, "LOCATION", where);

  if (workshop != NULL)
    {
      g_autofree char *leads =
        auftakt_export_referee_names (event, auftakt_workshop_get_leads (workshop));

      if (leads[0] != '\0')
        g_string_append_printf (description, _("Led by %s"), leads);
      if (!is_empty (auftakt_workshop_get_description (workshop)))
        g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                                auftakt_workshop_get_description (workshop));
      if (auftakt_workshop_get_cluster (workshop) != NULL)
        cluster = auftakt_event_find_cluster (event, auftakt_workshop_get_cluster (workshop));
    }
  if (description->len > 0)
    append_text (out, "DESCRIPTION", description->str);
  if (cluster != NULL && !is_empty (auftakt_cluster_get_title (cluster)))
    append_text (out, "CATEGORIES", auftakt_cluster_get_title (cluster));
  append_line (out, "TRANSP:OPAQUE");
  append_line (out, "END:VEVENT");

  return TRUE;
}

char *
auftakt_export_ics_to_string (AuftaktEvent  *event,
                              const char    *participant_id,
                              GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) by_participant = NULL;
  g_autoptr(GArray) timetable = NULL;
  g_autoptr(GDateTime) now = auftakt_export_now_utc ();
  g_autoptr(GDateTime) check = NULL;
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  AuftaktParticipant *participant = NULL;
  GPtrArray *sessions = NULL;
  g_autoptr(GPtrArray) no_sessions = g_ptr_array_new ();
  const char *title = auftakt_event_get_title (event);

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  check = auftakt_export_date_time (event, 0, error);
  if (check == NULL)
    return NULL;

  if (participant_id != NULL)
    {
      participant = auftakt_event_find_participant (event, participant_id);
      if (participant == NULL)
        {
          g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_PARTICIPANT,
                       _("the event %s has no participant %s"),
                       auftakt_event_get_id (event), participant_id);
          return NULL;
        }
      if (auftakt_event_get_schedule (event) == NULL)
        {
          g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_SCHEDULE,
                       _("the event %s has no schedule yet"), auftakt_event_get_id (event));
          return NULL;
        }
      by_participant = auftakt_export_sessions_by_participant (event);
      sessions = g_hash_table_lookup (by_participant, participant_id);
      if (sessions == NULL)
        sessions = no_sessions;
    }

  timetable = auftakt_export_timetable (event, sessions);

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Auftakt//Auftakt " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  if (!is_empty (title))
    {
      g_autofree char *name = NULL;

      if (participant != NULL)
        name = g_strdup_printf ("%s – %s", title, auftakt_participant_get_name (participant));
      append_text (out, "X-WR-CALNAME", name != NULL ? name : title);
    }
  append_line (out, "X-WR-TIMEZONE:" AUFTAKT_EXPORT_TIME_ZONE);
  g_string_append (out, vtimezone);

  for (guint i = 0; i < timetable->len; i++)
    {
      AuftaktTimetableEntry *entry = &g_array_index (timetable, AuftaktTimetableEntry, i);
      gboolean ok;

      if (entry->item != NULL)
        ok = append_agenda_item (out, event, entry->item, participant, stamp, error);
      else
        ok = append_session (out, event, entry->session, participant, stamp, error);
      if (!ok)
        return NULL;
    }

  append_line (out, "END:VCALENDAR");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
auftakt_export_ics (AuftaktEvent  *event,
                    const char    *participant_id,
                    const char    *path,
                    GError       **error)
{
  g_autofree char *text = auftakt_export_ics_to_string (event, participant_id, error);

  if (text == NULL)
    return FALSE;

  return auftakt_export_write_file (path, text, strlen (text), error);
}
