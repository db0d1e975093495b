/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "print-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "auftakt-print-document.h"
#include "auftakt-xml-reader.h"

/* How long printing personal schedules takes for a large event: the demo
 * event's agenda, rooms, referees and workshops with N generated
 * participants (default 3,000), each in one session per round.  Prints
 * the machine line "participants=N pages=N seconds=S layout_seconds=S". */

static const char * const first_names[] = {
  "Jürgen", "Änne", "Sören", "Zoë", "Björn", "Gülşen", "Małgorzata", "Hans-Jörg", "Renée",
  "Ólafur", "Friederike", "Maximilian", "Ingeborg", "Kai-Uwe",
};
static const char * const last_names[] = {
  "Müller", "Weiß", "Groß", "Özdemir", "Schäfer", "Kowalczyk", "Lüdenscheidt-Wöhrmann",
  "Åström", "Bäcker", "Nguyễn", "von Hohenzollern-Sigmaringen", "Schmidt",
};

static void
add_participants (AuftaktEvent *event,
                  guint         n)
{
  GListModel *workshops = G_LIST_MODEL (auftakt_event_get_workshops (event));
  GListModel *rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));
  GListModel *rooms = G_LIST_MODEL (auftakt_event_get_rooms (event));
  guint n_workshops = g_list_model_get_n_items (workshops);
  guint n_rounds = g_list_model_get_n_items (rounds);
  guint n_rooms = g_list_model_get_n_items (rooms);
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (n_workshops > 0 && n_rounds > 0 && n_rooms > 0);

  /* every workshop in every round, rooms taken in turn */
  for (guint r = 0; r < n_rounds; r++)
    for (guint w = 0; w < n_workshops; w++)
      {
        g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
        g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (workshops, w);
        g_autoptr(AuftaktRoom) room = g_list_model_get_item (rooms, (w + 1) % n_rooms);

        g_ptr_array_add (sessions, auftakt_session_new (auftakt_workshop_get_id (workshop),
                                                        auftakt_round_get_id (round),
                                                        auftakt_room_get_id (room)));
      }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("B%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i / 7) % G_N_ELEMENTS (last_names)]);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i + 1);
      AuftaktParticipant *p = auftakt_participant_new (id);

      auftakt_participant_set_name (p, name);
      auftakt_participant_set_email (p, email);
      auftakt_participant_set_organisation (p, i % 3 == 0 ?
        "Landeshauptstadt Potsdam, Fachbereich Steuerung und Innovation" : "Stadtwerke Potsdam");
      g_ptr_array_add (people, p);

      for (guint r = 0; r < n_rounds; r++)
        auftakt_session_add_attendee (g_ptr_array_index (sessions,
                                                         r * n_workshops + (i + r) % n_workshops),
                                      id, FALSE);
    }

  g_list_store_splice (auftakt_event_get_participants (event), 0,
                       g_list_model_get_n_items (G_LIST_MODEL (
                         auftakt_event_get_participants (event))),
                       people->pdata, people->len);
  auftakt_schedule_splice (schedule, sessions);
  auftakt_event_set_schedule (event, schedule);
}

int
main (int   argc,
      char *argv[])
{
  int participants = 3000;
  g_autofree char *demo = g_build_filename (SOURCE_DATADIR, "demo", "potsdam.xml", NULL);
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "participants", 'n', 0, G_OPTION_ARG_INT, &participants, "How many (3000)", "N" },
    { "event", 0, 0, G_OPTION_ARG_FILENAME, &demo, "The event to start from (the demo)", "XML" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Keep the PDF here", "OUT.pdf" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time printing personal schedules");
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char seconds[G_ASCII_DTOSTR_BUF_SIZE], layout[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 start, laid_out, end;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || participants < 1)
    {
      g_printerr ("print-bench: %s\n", error != NULL ? error->message : "N must be at least 1");
      return 2;
    }

  event = auftakt_xml_read_event (demo, &error);
  if (event == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  add_participants (event, participants);

  path = output != NULL ? g_strdup (output)
                        : g_build_filename (g_get_tmp_dir (), "auftakt-print-bench.pdf", NULL);
  document = auftakt_print_document_new (event, AUFTAKT_PRINT_KIND_PARTICIPANTS);

  start = g_get_monotonic_time ();
  if (!auftakt_print_document_paginate (document, AUFTAKT_PRINT_A4_WIDTH,
                                        AUFTAKT_PRINT_A4_HEIGHT, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  laid_out = g_get_monotonic_time ();
  /* write_pdf lays out again: time the whole of it, as a user waits for it */
  if (!auftakt_print_document_write_pdf (document, path, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  end = g_get_monotonic_time ();

  if (output == NULL)
    g_unlink (path);

  g_ascii_formatd (seconds, sizeof seconds, "%.2f", (end - laid_out) / 1e6);
  g_ascii_formatd (layout, sizeof layout, "%.2f", (laid_out - start) / 1e6);
  g_print ("participants=%d pages=%u seconds=%s layout_seconds=%s\n", participants,
           auftakt_print_document_get_n_pages (document), seconds, layout);

  return auftakt_print_document_get_n_pages (document) == (guint) participants ? 0 : 1;
}
