/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-xml-writer"

#include "config.h"

#include "auftakt-xml-writer.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "auftakt-util.h"
#include "auftakt-xml-reader.h"

/* Writes the exchange format of shared/bench/FORMAT.md, version 1; what the
 * model holds beyond it goes into elements and attributes in Auftakt's
 * namespace (prefix "a"), which version 1 readers skip.  The file is written
 * whole to a temporary file and renamed, so a failed write leaves nothing
 * (auftakt_write_file(): a device or a pipe is written to directly). */

#define NS_PREFIX "a"

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} Writer;

/* XML 1.0 cannot hold every string: invalid UTF-8 and most control
 * characters become U+FFFD rather than a file no reader accepts. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static const xmlChar *
clean (const char  *text,
       char       **copy)
{
  g_autofree char *valid = NULL;
  GString *out;

  *copy = NULL;

  if (g_utf8_validate (text, -1, NULL))
    {
      const char *p;

      for (p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_xml_char (g_utf8_get_char (p)))
          break;
      if (*p == '\0')
        return (const xmlChar *) text;
    }

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, is_xml_char (c) ? c : 0xFFFD);
    }

  *copy = g_string_free (out, FALSE);
  return (const xmlChar *) *copy;
}

static void
check (Writer *self,
       int     result)
{
  if (result < 0)
    self->failed = TRUE;
}

static void
start (Writer     *self,
       const char *name)
{
  check (self, xmlTextWriterStartElement (self->writer, (const xmlChar *) name));
}

static void
start_ext (Writer     *self,
           const char *name)
{
  check (self, xmlTextWriterStartElementNS (self->writer, (const xmlChar *) NS_PREFIX,
                                            (const xmlChar *) name, NULL));
}

static void
end (Writer *self)
{
  check (self, xmlTextWriterEndElement (self->writer));
}

/* Absent when NULL. */
static void
attr (Writer     *self,
      const char *name,
      const char *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL)
    return;

  check (self, xmlTextWriterWriteAttribute (self->writer, (const xmlChar *) name,
                                            clean (value, &copy)));
}

static void
attr_ext (Writer     *self,
          const char *name,
          const char *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL)
    return;

  check (self, xmlTextWriterWriteAttributeNS (self->writer, (const xmlChar *) NS_PREFIX,
                                              (const xmlChar *) name, NULL,
                                              clean (value, &copy)));
}

static void
attr_int (Writer     *self,
          const char *name,
          int         value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  attr (self, name, text);
}

static void
attr_time (Writer     *self,
           const char *name,
           int         minutes)
{
  g_autofree char *text = auftakt_format_minutes (minutes);

  attr (self, name, text);
}

static void
description (Writer     *self,
             const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return;

  start_ext (self, "description");
  check (self, xmlTextWriterWriteString (self->writer, clean (text, &copy)));
  end (self);
}

/* One empty element per id, e.g. <unavailable round="R1"/>. */
static void
id_list (Writer             *self,
         gboolean            ext,
         const char         *element,
         const char         *attribute,
         const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (ext)
        start_ext (self, element);
      else
        start (self, element);
      attr (self, attribute, ids[i]);
      end (self);
    }
}

static gboolean
writer_begin (Writer      *self,
              const char  *root)
{
  self->buffer = xmlBufferCreateSize (64 * 1024);
  /* the default grows by what is needed: quadratic copying for big events */
  xmlBufferSetAllocationScheme (self->buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  self->writer = xmlNewTextWriterMemory (self->buffer, 0);
  self->failed = self->writer == NULL;
  if (self->failed)
    return FALSE;

  check (self, xmlTextWriterSetIndent (self->writer, 1));
  check (self, xmlTextWriterSetIndentString (self->writer, (const xmlChar *) "  "));
  check (self, xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL));
  start (self, root);
  attr (self, "version", "1");
  attr (self, "xmlns:" NS_PREFIX, AUFTAKT_XML_NAMESPACE);
  return TRUE;
}

static gboolean
writer_finish (Writer      *self,
               const char  *path,
               GError     **error)
{
  gboolean ok;

  if (self->writer != NULL)
    {
      check (self, xmlTextWriterEndDocument (self->writer));
      g_clear_pointer (&self->writer, xmlFreeTextWriter);  /* flushes */
    }

  if (self->failed)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                   "%s: %s", path, _("cannot write the file: out of memory"));
      ok = FALSE;
    }
  else
    {
      ok = auftakt_write_file (path, (const char *) xmlBufferContent (self->buffer),
                               xmlBufferLength (self->buffer), error);
    }

  g_clear_pointer (&self->buffer, xmlBufferFree);
  return ok;
}

static void
write_list (Writer     *self,
            GListStore *store,
            void      (*write_item) (Writer *self, gpointer item))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      write_item (self, item);
    }
}

static void
write_round (Writer   *self,
             gpointer  item)
{
  AuftaktRound *round = item;

  start (self, "round");
  attr (self, "id", auftakt_round_get_id (round));
  attr_time (self, "start", auftakt_round_get_start (round));
  attr_time (self, "end", auftakt_round_get_end (round));
  attr_ext (self, "title", auftakt_round_get_title (round));
  end (self);
}

static void
write_room (Writer   *self,
            gpointer  item)
{
  AuftaktRoom *room = item;

  start (self, "room");
  attr (self, "id", auftakt_room_get_id (room));
  attr (self, "name", auftakt_room_get_name (room));
  attr_int (self, "capacity", MAX (auftakt_room_get_capacity (room), 0));
  id_list (self, FALSE, "unavailable", "round", auftakt_room_get_unavailable (room));
  description (self, auftakt_room_get_description (room));
  end (self);
}

static void
write_cluster (Writer   *self,
               gpointer  item)
{
  AuftaktCluster *cluster = item;

  start (self, "cluster");
  attr (self, "id", auftakt_cluster_get_id (cluster));
  attr (self, "title", auftakt_cluster_get_title (cluster));
  attr_ext (self, "colour", auftakt_cluster_get_colour (cluster));
  description (self, auftakt_cluster_get_description (cluster));
  end (self);
}

static void
write_referee (Writer   *self,
               gpointer  item)
{
  AuftaktReferee *referee = item;

  start (self, "referee");
  attr (self, "id", auftakt_referee_get_id (referee));
  attr (self, "name", auftakt_referee_get_name (referee));
  attr_ext (self, "organisation", auftakt_referee_get_organisation (referee));
  attr_ext (self, "role", auftakt_referee_get_role (referee));
  attr_ext (self, "email", auftakt_referee_get_email (referee));
  id_list (self, FALSE, "unavailable", "round", auftakt_referee_get_unavailable (referee));
  end (self);
}

static void
write_workshop (Writer   *self,
                gpointer  item)
{
  AuftaktWorkshop *workshop = item;
  int min = auftakt_workshop_get_min (workshop);
  int max = auftakt_workshop_get_max (workshop);
  int max_runs = auftakt_workshop_get_max_runs (workshop);

  start (self, "workshop");
  attr (self, "id", auftakt_workshop_get_id (workshop));
  attr (self, "title", auftakt_workshop_get_title (workshop));
  attr (self, "cluster", auftakt_workshop_get_cluster (workshop));
  if (min > 0)
    attr_int (self, "min", min);
  if (max >= 0)
    attr_int (self, "max", max);
  if (max_runs >= 0)
    attr_int (self, "max-runs", max_runs);
  description (self, auftakt_workshop_get_description (workshop));
  id_list (self, FALSE, "lead", "referee", auftakt_workshop_get_leads (workshop));
  id_list (self, TRUE, "unavailable", "round", auftakt_workshop_get_unavailable (workshop));
  end (self);
}

static void
write_participant (Writer   *self,
                   gpointer  item)
{
  AuftaktParticipant *participant = item;
  const char * const *choices = auftakt_participant_get_choices (participant);

  start (self, "participant");
  attr (self, "id", auftakt_participant_get_id (participant));
  attr (self, "name", auftakt_participant_get_name (participant));
  attr_ext (self, "organisation", auftakt_participant_get_organisation (participant));
  attr_ext (self, "email", auftakt_participant_get_email (participant));
  for (guint i = 0; choices[i] != NULL; i++)
    {
      start (self, "choice");
      attr (self, "workshop", choices[i]);
      attr_int (self, "rank", (int) i + 1);
      end (self);
    }
  id_list (self, TRUE, "unavailable", "round",
           auftakt_participant_get_unavailable (participant));
  end (self);
}

static void
write_agenda_item (Writer   *self,
                   gpointer  data)
{
  AuftaktAgendaItem *item = data;

  start_ext (self, "item");
  attr (self, "id", auftakt_agenda_item_get_id (item));
  attr (self, "number", auftakt_agenda_item_get_number (item));
  attr (self, "kind", auftakt_agenda_kind_to_string (auftakt_agenda_item_get_kind (item)));
  attr_time (self, "start", auftakt_agenda_item_get_start (item));
  attr_time (self, "end", auftakt_agenda_item_get_end (item));
  attr (self, "room", auftakt_agenda_item_get_room (item));
  attr (self, "round", auftakt_agenda_item_get_round (item));
  attr (self, "title", auftakt_agenda_item_get_title (item));
  id_list (self, TRUE, "speaker", "referee", auftakt_agenda_item_get_speakers (item));
  description (self, auftakt_agenda_item_get_description (item));
  end (self);
}

/**
 * auftakt_xml_write_event:
 * @event: an event
 * @path: the file to write or replace
 * @error: return location for a #GFileError
 *
 * Writes the event in FORMAT.md version 1 with Auftakt's extensions, UTF-8
 * and indented; unset values (%NULL, max or max-runs -1, min 0) are left
 * out.  The file is replaced atomically: on failure nothing is left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
auftakt_xml_write_event (AuftaktEvent  *event,
                         const char    *path,
                         GError       **error)
{
  Writer self = { 0 };
  GListStore *agenda;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer_begin (&self, "event"))
    {
      attr_ext (&self, "id", auftakt_event_get_id (event));
      attr (&self, "title", auftakt_event_get_title (event));
      attr (&self, "date", auftakt_event_get_date (event));
      attr_int (&self, "workshops-per-participant",
                auftakt_event_get_workshops_per_participant (event));
      attr_int (&self, "unranked-cost", auftakt_event_get_unranked_cost (event));
      attr_ext (&self, "venue", auftakt_event_get_venue (event));
      description (&self, auftakt_event_get_description (event));

      write_list (&self, auftakt_event_get_rounds (event), write_round);

      agenda = auftakt_event_get_agenda (event);
      if (g_list_model_get_n_items (G_LIST_MODEL (agenda)) > 0)
        {
          start_ext (&self, "agenda");
          write_list (&self, agenda, write_agenda_item);
          end (&self);
        }

      write_list (&self, auftakt_event_get_rooms (event), write_room);
      write_list (&self, auftakt_event_get_clusters (event), write_cluster);
      write_list (&self, auftakt_event_get_referees (event), write_referee);
      write_list (&self, auftakt_event_get_workshops (event), write_workshop);
      write_list (&self, auftakt_event_get_participants (event), write_participant);
      end (&self);
    }

  return writer_finish (&self, path, error);
}

/**
 * auftakt_xml_write_schedule:
 * @schedule: a schedule
 * @path: the file to write or replace
 * @error: return location for a #GFileError
 *
 * Writes the schedule in FORMAT.md version 1; locked sessions and
 * attendances get a:locked="true".  Atomic like auftakt_xml_write_event().
 *
 * Returns: %TRUE on success
 */
gboolean
auftakt_xml_write_schedule (AuftaktSchedule  *schedule,
                            const char       *path,
                            GError          **error)
{
  Writer self = { 0 };

  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer_begin (&self, "schedule"))
    {
      guint n = auftakt_schedule_get_n_sessions (schedule);

      for (guint i = 0; i < n; i++)
        {
          AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
          guint n_attendees = auftakt_session_get_n_attendees (session);

          start (&self, "session");
          attr (&self, "workshop", auftakt_session_get_workshop (session));
          attr (&self, "round", auftakt_session_get_round (session));
          attr (&self, "room", auftakt_session_get_room (session));
          if (auftakt_session_get_locked (session))
            attr_ext (&self, "locked", "true");
          for (guint j = 0; j < n_attendees; j++)
            {
              const AuftaktAttendance *attendance = auftakt_session_get_attendance (session, j);

              start (&self, "attendee");
              attr (&self, "participant", attendance->participant);
              if (attendance->locked)
                attr_ext (&self, "locked", "true");
              end (&self);
            }
          end (&self);
        }
      end (&self);
    }

  return writer_finish (&self, path, error);
}
