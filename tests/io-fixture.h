/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* An event built in code for the import, print and export tests: the demo
 * event's rooms, referees, agenda and workshops, with generated
 * participants — long names, umlauts, and exactly 40 in one session. */

#include <stdlib.h>
#include <glib/gstdio.h>

#include "auftakt-event.h"

static inline const char *fixture_temp_dir (void);

static inline void
fixture_temp_dir_remove (void)
{
  g_rmdir (fixture_temp_dir ());  /* if the tests left it empty */
}

/* The files of one test program, in a directory of its own: the test
 * programs of a build run side by side, and so may those of other builds
 * on the same machine. */
static inline const char *
fixture_temp_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("auftakt-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (fixture_temp_dir_remove);
    }
  return dir;
}

static inline char *
fixture_temp_path (const char *name)
{
  return g_build_filename (fixture_temp_dir (), name, NULL);
}

static inline void
fixture_add_round (AuftaktEvent *event,
                   const char   *id,
                   const char   *title,
                   int           start,
                   int           end)
{
  g_autoptr(AuftaktRound) round = auftakt_round_new (id);

  auftakt_round_set_title (round, title);
  auftakt_round_set_start (round, start);
  auftakt_round_set_end (round, end);
  g_list_store_append (auftakt_event_get_rounds (event), round);
}

static inline void
fixture_add_room (AuftaktEvent *event,
                  const char   *id,
                  const char   *name,
                  int           capacity)
{
  g_autoptr(AuftaktRoom) room = auftakt_room_new (id);

  auftakt_room_set_name (room, name);
  auftakt_room_set_capacity (room, capacity);
  g_list_store_append (auftakt_event_get_rooms (event), room);
}

static inline void
fixture_add_referee (AuftaktEvent *event,
                     const char   *id,
                     const char   *name,
                     const char   *organisation,
                     const char   *role)
{
  g_autoptr(AuftaktReferee) referee = auftakt_referee_new (id);

  auftakt_referee_set_name (referee, name);
  auftakt_referee_set_organisation (referee, organisation);
  auftakt_referee_set_role (referee, role);
  g_list_store_append (auftakt_event_get_referees (event), referee);
}

static inline void
fixture_add_item (AuftaktEvent      *event,
                  const char        *id,
                  const char        *number,
                  AuftaktAgendaKind  kind,
                  int                start,
                  int                end,
                  const char        *room,
                  const char        *round,
                  const char        *title,
                  const char        *speakers)
{
  g_autoptr(AuftaktAgendaItem) item = auftakt_agenda_item_new (id);
  g_auto(GStrv) list = g_strsplit (speakers != NULL ? speakers : "", " ", -1);

  auftakt_agenda_item_set_number (item, number);
  auftakt_agenda_item_set_kind (item, kind);
  auftakt_agenda_item_set_start (item, start);
  auftakt_agenda_item_set_end (item, end);
  auftakt_agenda_item_set_room (item, room);
  auftakt_agenda_item_set_round (item, round);
  auftakt_agenda_item_set_title (item, title);
  if (speakers != NULL)
    auftakt_agenda_item_set_speakers (item, (const char * const *) list);
  g_list_store_append (auftakt_event_get_agenda (event), item);
}

static inline void
fixture_add_workshop (AuftaktEvent *event,
                      const char   *id,
                      const char   *title,
                      const char   *cluster,
                      const char   *leads)
{
  g_autoptr(AuftaktWorkshop) workshop = auftakt_workshop_new (id);
  g_auto(GStrv) list = g_strsplit (leads, " ", -1);

  auftakt_workshop_set_title (workshop, title);
  auftakt_workshop_set_cluster (workshop, cluster);
  auftakt_workshop_set_max (workshop, 40);
  auftakt_workshop_set_leads (workshop, (const char * const *) list);
  g_list_store_append (auftakt_event_get_workshops (event), workshop);
}

static inline void
fixture_add_cluster (AuftaktEvent *event,
                     const char   *id,
                     const char   *title,
                     const char   *colour)
{
  g_autoptr(AuftaktCluster) cluster = auftakt_cluster_new (id);

  auftakt_cluster_set_title (cluster, title);
  auftakt_cluster_set_colour (cluster, colour);
  g_list_store_append (auftakt_event_get_clusters (event), cluster);
}

/* The event without participants or schedule. */
static inline AuftaktEvent *
fixture_event_new (void)
{
  AuftaktEvent *event = auftakt_event_new ("potsdam-2018");

  auftakt_event_set_title (event, "Digitale Kommune Potsdam");
  auftakt_event_set_date (event, "2018-03-15");
  auftakt_event_set_venue (event, "Stadthaus Potsdam, Friedrich-Ebert-Straße 79/81");

  fixture_add_round (event, "R1", "Workshoprunde 1", 11 * 60, 12 * 60 + 15);
  fixture_add_round (event, "R2", "Workshoprunde 2", 13 * 60, 14 * 60 + 15);

  fixture_add_room (event, "PL", "Plenarsaal", 160);
  fixture_add_room (event, "M1", "Sitzungssaal 1", 40);
  fixture_add_room (event, "M2", "Sitzungssaal 2", 40);
  fixture_add_room (event, "M3", "Besprechungsraum 2.10", 40);

  fixture_add_cluster (event, "C1", "Digitale Verwaltung", "#3584e4");
  fixture_add_cluster (event, "C2", "Smart City", "#2ec27e");

  fixture_add_referee (event, "F1", "Dr. Thomas Reinhardt", "Landeshauptstadt Potsdam",
                       "Gastgeber");
  fixture_add_referee (event, "F2", "Prof. Dr. Helene Brandtner",
                       "Institut für Digitale Gesellschaft", "Wissenschaftliche Leiterin");
  fixture_add_referee (event, "F3", "Jonas Feldhaus",
                       "Stadt Lindenfeld, Stabsstelle Digitalisierung", "Chief Digital Officer");
  fixture_add_referee (event, "F6", "Markus Thielemann",
                       "Landeshauptstadt Potsdam, Fachbereich Bürgerservice", "Fachbereichsleiter");
  fixture_add_referee (event, "F7", "Aylin Demirci", "Landeshauptstadt Potsdam",
                       "Referentin E-Government");
  fixture_add_referee (event, "F8", "Henrik Vogelsang", "Stadtwerke Potsdam GmbH",
                       "Leiter IT-Infrastruktur");
  fixture_add_referee (event, "F9", "Claudia Rosenbaum",
                       "Landeshauptstadt Potsdam, Fachbereich Bildung, Jugend und Sport",
                       "Fachbereichsleiterin");
  fixture_add_referee (event, "F11", "Dr. Frederike Ahlers", "ViP Verkehrsbetrieb Potsdam GmbH",
                       "Leiterin Verkehrsplanung");
  fixture_add_referee (event, "F12", "Bernd Kaltenbach", "Landeshauptstadt Potsdam",
                       "Leiter Wirtschaftsförderung");

  fixture_add_item (event, "A1", "1", AUFTAKT_AGENDA_KIND_OPENING, 9 * 60, 9 * 60 + 15,
                    "PL", NULL, "Einleitung und Begrüßung", "F1");
  fixture_add_item (event, "A2", "1.1", AUFTAKT_AGENDA_KIND_TALK, 9 * 60 + 15, 9 * 60 + 50,
                    "PL", NULL, "Gesellschaftliche Herausforderungen und technologische Trends",
                    "F2");
  fixture_add_item (event, "A3", "1.2", AUFTAKT_AGENDA_KIND_TALK, 9 * 60 + 50, 10 * 60 + 50,
                    "PL", NULL, "Lernen von Anderen – national", "F3");
  fixture_add_item (event, "A5", NULL, AUFTAKT_AGENDA_KIND_BREAK, 10 * 60 + 50, 11 * 60,
                    "PL", NULL, "Kaffeepause und Wechsel in die Workshops", NULL);
  fixture_add_item (event, "A6", "2", AUFTAKT_AGENDA_KIND_WORKSHOPS, 11 * 60, 12 * 60 + 15,
                    NULL, "R1", "Workshops – Runde 1", NULL);
  fixture_add_item (event, "A7", NULL, AUFTAKT_AGENDA_KIND_BREAK, 12 * 60 + 15, 13 * 60,
                    "PL", NULL, "Mittagspause", NULL);
  fixture_add_item (event, "A8", "2", AUFTAKT_AGENDA_KIND_WORKSHOPS, 13 * 60, 14 * 60 + 15,
                    NULL, "R2", "Workshops – Runde 2", NULL);
  fixture_add_item (event, "A10", "3", AUFTAKT_AGENDA_KIND_DISCUSSION, 14 * 60 + 30,
                    15 * 60 + 30, "PL", NULL,
                    "Abschlussdiskussion mit den Referentinnen und Referenten", "F2 F3");

  fixture_add_workshop (event, "WS1", "Verwaltung", "C1", "F6 F7");
  fixture_add_workshop (event, "WS2", "Städtische Infrastruktur", "C1", "F8");
  fixture_add_workshop (event, "WS3", "Bildung", "C2", "F9");
  fixture_add_workshop (event, "WS4", "Mobilität", "C2", "F11");
  fixture_add_workshop (event, "WS5", "Wirtschaft", "C2", "F12 F3");

  return event;
}

static const char * const fixture_first_names[] = {
  "Jürgen", "Änne", "Sören", "Zoë", "Björn", "Gülşen", "Małgorzata", "Hans-Jörg", "Renée",
  "Ólafur",
};
static const char * const fixture_last_names[] = {
  "Müller", "Weiß", "Groß", "Özdemir", "Schäfer", "Kowalczyk", "Lüdenscheidt", "Åström",
  "Bäcker", "Nguyễn",
};

/* @n participants; P1 has a very long name and organisation.  R1: the
 * first 40 attend WS1 (a full session), the next 40 WS2, the rest WS3;
 * R2: WS4, WS5 and (for those not in WS1 before) WS1 in turn. */
static inline AuftaktEvent *
fixture_event_new_with_schedule (guint n)
{
  AuftaktEvent *event = fixture_event_new ();
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  AuftaktSession *r1[3], *r2[3];
  const char *r1_workshops[] = { "WS1", "WS2", "WS3" };
  const char *r2_workshops[] = { "WS4", "WS5", "WS1" };
  const char *rooms[] = { "M1", "M2", "M3" };

  for (guint i = 0; i < 3; i++)
    {
      r1[i] = auftakt_session_new (r1_workshops[i], "R1", rooms[i]);
      r2[i] = auftakt_session_new (r2_workshops[i], "R2", rooms[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("P%u", i + 1);
      g_autoptr(AuftaktParticipant) p = auftakt_participant_new (id);
      g_autofree char *name = NULL;
      g_autofree char *email = g_strdup_printf ("teilnehmer%u@example.org", i + 1);
      guint second = i < 40 ? i % 2 : i % 3;  /* nobody attends WS1 twice */
      const char *choices[] = { r1_workshops[MIN (i / 40, 2)], r2_workshops[second], NULL };

      if (i == 0)
        name = g_strdup ("Prof. Dr. Maximiliane Müller-Lüdenscheidt-Wöhrmann "
                         "von und zu Hohenzollern-Sigmaringen");
      else
        name = g_strdup_printf ("%s %s",
                                fixture_first_names[i % G_N_ELEMENTS (fixture_first_names)],
                                fixture_last_names[(i / 3) % G_N_ELEMENTS (fixture_last_names)]);
      auftakt_participant_set_name (p, name);
      auftakt_participant_set_email (p, email);
      auftakt_participant_set_organisation (p, i == 0 ?
        "Landeshauptstadt Potsdam, Geschäftsbereich Zentrale Steuerung und Finanzen, "
        "Fachbereich Steuerung und Innovation, Arbeitsgruppe Digitalisierungsstrategie"
        : "Landeshauptstadt Potsdam");
      auftakt_participant_set_choices (p, choices);
      g_list_store_append (auftakt_event_get_participants (event), p);

      auftakt_session_add_attendee (r1[MIN (i / 40, 2)], id, FALSE);
      auftakt_session_add_attendee (r2[second], id, FALSE);
    }

  for (guint i = 0; i < 3; i++)
    {
      auftakt_schedule_add_session (schedule, r1[i]);
      auftakt_schedule_add_session (schedule, r2[i]);
      g_object_unref (r1[i]);
      g_object_unref (r2[i]);
    }
  auftakt_event_set_schedule (event, schedule);

  return event;
}

/* Running auftakt-cli ($AUFTAKT_CLI) on plans made from these events. */

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "auftakt-store.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} FixtureRun;

static inline void
fixture_run_clear (FixtureRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FixtureRun, fixture_run_clear)

/* argv without the program, NULL-terminated */
G_GNUC_NULL_TERMINATED
static inline void
fixture_run_cli (FixtureRun *run,
                 const char *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("AUFTAKT_CLI");
  int wait_status;
  va_list args;

  g_assert_nonnull (cli);
  fixture_run_clear (run);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* The last line of stdout: the machine line. */
static inline char *
fixture_machine_line (FixtureRun *run)
{
  g_autofree char *out = g_strdup (run->out);
  char *last;

  g_strchomp (out);
  last = strrchr (out, '\n');
  return g_strdup (last != NULL ? last + 1 : out);
}

/* A new plan at @path (replacing any) holding @event. */
static inline void
fixture_create_plan (const char   *path,
                     AuftaktEvent *event)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktStore) store = auftakt_store_create (path, TRUE, event, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static inline AuftaktEvent *
fixture_load_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktStore) store = auftakt_store_open (path, &error);
  g_autofree char *id = NULL;
  AuftaktEvent *event;

  g_assert_no_error (error);
  id = auftakt_store_resolve_event (store, NULL, &error);
  g_assert_no_error (error);
  event = auftakt_store_load_event (store, id, &error);
  g_assert_no_error (error);

  return event;
}

#include "auftakt-xml-reader.h"

/* The demo event (data/demo/potsdam.xml) with the schedule greedy.py makes
 * for it (../shared/bench, as check.py's baseline). */
static inline AuftaktEvent *
fixture_demo_event_new (void)
{
  g_autofree char *demo = g_build_filename (SOURCE_DATADIR, "demo", "potsdam.xml", NULL);
  g_autofree char *greedy = g_build_filename (g_getenv ("AUFTAKT_BENCH_DIR"), "greedy.py", NULL);
  g_autofree char *schedule_path = fixture_temp_path ("demo-schedule.xml");
  const char *argv[] = { "python3", greedy, demo, "-o", schedule_path, NULL };
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktEvent *event;
  int status;

  g_assert_nonnull (g_getenv ("AUFTAKT_BENCH_DIR"));
  event = auftakt_xml_read_event (demo, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  schedule = auftakt_xml_read_schedule (schedule_path, event, AUFTAKT_XML_READ_STRICT, NULL,
                                        &error);
  g_assert_no_error (error);
  auftakt_event_set_schedule (event, schedule);
  g_unlink (schedule_path);

  return event;
}
