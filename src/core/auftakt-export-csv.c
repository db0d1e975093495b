/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-export-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-export-csv.h"
#include "auftakt-util.h"

static gboolean
looks_like_number (const char *text)
{
  const char *p = text + 1;

  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '.' && *p != ',' && *p != '/' && *p != '-')
      return FALSE;

  return TRUE;
}

static void
append_field (GString           *out,
              const char        *text,
              AuftaktCsvFlavour  flavour)
{
  char separator = flavour == AUFTAKT_CSV_FLAVOUR_EXCEL ? ';' : ',';
  g_autofree char *guarded = NULL;

  if (text == NULL)
    text = "";

  /* Registrations come from web forms: a "name" starting with = or @
   * would be a formula to Excel (CSV injection). */
  if (flavour == AUFTAKT_CSV_FLAVOUR_EXCEL &&
      (text[0] == '=' || text[0] == '@' ||
       ((text[0] == '+' || text[0] == '-') && !looks_like_number (text))))
    text = guarded = g_strconcat ("'", text, NULL);

  if (strchr (text, separator) != NULL || strchr (text, '"') != NULL ||
      strchr (text, '\n') != NULL || strchr (text, '\r') != NULL ||
      text[0] == ' ' || (text[0] != '\0' && text[strlen (text) - 1] == ' '))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          /* a line break inside a cell is LF alone, as Excel writes it */
          if (*p != '\r')
            g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static void
end_row (GString           *out,
         AuftaktCsvFlavour  flavour)
{
  g_string_append (out, flavour == AUFTAKT_CSV_FLAVOUR_EXCEL ? "\r\n" : "\n");
}

static void
separate (GString           *out,
          AuftaktCsvFlavour  flavour)
{
  g_string_append_c (out, flavour == AUFTAKT_CSV_FLAVOUR_EXCEL ? ';' : ',');
}

static const char *
round_label (AuftaktRound *round)
{
  const char *title = auftakt_round_get_title (round);

  return title != NULL && title[0] != '\0' ? title : auftakt_round_get_id (round);
}

char *
auftakt_export_csv_to_string (AuftaktEvent       *event,
                              AuftaktCsvFlavour   flavour,
                              gsize              *length,
                              GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) by_participant = NULL;
  GListModel *rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));
  GListModel *participants = G_LIST_MODEL (auftakt_event_get_participants (event));
  guint n_rounds = g_list_model_get_n_items (rounds);

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  if (auftakt_event_get_schedule (event) == NULL)
    {
      g_set_error (error, AUFTAKT_EXPORT_ERROR, AUFTAKT_EXPORT_ERROR_NO_SCHEDULE,
                   _("the event %s has no schedule yet"), auftakt_event_get_id (event));
      return NULL;
    }

  by_participant = auftakt_export_sessions_by_participant (event);

  if (flavour == AUFTAKT_CSV_FLAVOUR_EXCEL)
    g_string_append (out, "\xEF\xBB\xBF");

  append_field (out, C_("csv header", "ID"), flavour);
  separate (out, flavour);
  append_field (out, C_("csv header", "Name"), flavour);
  separate (out, flavour);
  append_field (out, C_("csv header", "Organisation"), flavour);
  separate (out, flavour);
  append_field (out, C_("csv header", "E-mail"), flavour);
  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
      const char *label = round_label (round);
      char *columns[4] = {
        /* Translators: a column header, "Round 1: Workshop" */
        g_strdup_printf (C_("csv header", "%s: Workshop"), label),
        g_strdup_printf (C_("csv header", "%s: Room"), label),
        g_strdup_printf (C_("csv header", "%s: Time"), label),
        g_strdup_printf (C_("csv header", "%s: Referees"), label),
      };

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          separate (out, flavour);
          append_field (out, columns[c], flavour);
          g_free (columns[c]);
        }
    }
  end_row (out, flavour);

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);
      GPtrArray *sessions = g_hash_table_lookup (by_participant, auftakt_participant_get_id (p));

      append_field (out, auftakt_participant_get_id (p), flavour);
      separate (out, flavour);
      append_field (out, auftakt_participant_get_name (p), flavour);
      separate (out, flavour);
      append_field (out, auftakt_participant_get_organisation (p), flavour);
      separate (out, flavour);
      append_field (out, auftakt_participant_get_email (p), flavour);

      for (guint r = 0; r < n_rounds; r++)
        {
          g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
          AuftaktSession *session = NULL;
          AuftaktWorkshop *workshop = NULL;
          AuftaktRoom *room = NULL;
          g_autofree char *time = NULL;
          g_autofree char *referees = NULL;

          for (guint s = 0; sessions != NULL && s < sessions->len && session == NULL; s++)
            if (g_strcmp0 (auftakt_session_get_round (g_ptr_array_index (sessions, s)),
                           auftakt_round_get_id (round)) == 0)
              session = g_ptr_array_index (sessions, s);

          if (session != NULL)
            {
              workshop = auftakt_event_find_workshop (event,
                                                      auftakt_session_get_workshop (session));
              room = auftakt_event_find_room (event, auftakt_session_get_room (session));
              if (auftakt_round_get_start (round) >= 0 && auftakt_round_get_end (round) >= 0)
                {
                  g_autofree char *start = auftakt_format_minutes (auftakt_round_get_start (round));
                  g_autofree char *end = auftakt_format_minutes (auftakt_round_get_end (round));

                  time = g_strdup_printf ("%s–%s", start, end);
                }
              if (workshop != NULL)
                referees = auftakt_export_referee_names (event,
                                                         auftakt_workshop_get_leads (workshop));
            }

          separate (out, flavour);
          append_field (out, workshop != NULL ? auftakt_workshop_get_title (workshop) :
                             session != NULL ? auftakt_session_get_workshop (session) : NULL,
                        flavour);
          separate (out, flavour);
          append_field (out, room != NULL ? auftakt_room_get_name (room) :
                             session != NULL ? auftakt_session_get_room (session) : NULL,
                        flavour);
          separate (out, flavour);
          append_field (out, time, flavour);
          separate (out, flavour);
          append_field (out, referees, flavour);
        }
      end_row (out, flavour);
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
auftakt_export_csv (AuftaktEvent       *event,
                    AuftaktCsvFlavour   flavour,
                    const char         *path,
                    GError            **error)
{
  gsize length = 0;
  g_autofree char *text = auftakt_export_csv_to_string (event, flavour, &length, error);

  if (text == NULL)
    return FALSE;

  return auftakt_export_write_file (path, text, length, error);
}
