/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "auftakt-event.h"
#include "auftakt-xml-reader.h"
#include "auftakt-xml-writer.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("auftakt-test-xml-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes a directory of plain files. */
static void
remove_tmp_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static gpointer
item_at (GListStore *store,
         guint       i)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

  return item;  /* the store keeps a reference */
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  if (!g_strv_equal ((const char * const *) a, (const char * const *) b))
    {
      g_autofree char *sa = g_strjoinv (",", (char **) a);
      g_autofree char *sb = g_strjoinv (",", (char **) b);

      g_error ("lists differ: [%s] vs [%s]", sa, sb);
    }
}

/* Every field the model holds, in the same order. */
static void
assert_events_equal (AuftaktEvent *a,
                     AuftaktEvent *b)
{
  g_assert_cmpstr (auftakt_event_get_id (a), ==, auftakt_event_get_id (b));
  g_assert_cmpstr (auftakt_event_get_title (a), ==, auftakt_event_get_title (b));
  g_assert_cmpstr (auftakt_event_get_date (a), ==, auftakt_event_get_date (b));
  g_assert_cmpstr (auftakt_event_get_venue (a), ==, auftakt_event_get_venue (b));
  g_assert_cmpstr (auftakt_event_get_description (a), ==, auftakt_event_get_description (b));
  g_assert_cmpint (auftakt_event_get_workshops_per_participant (a), ==,
                   auftakt_event_get_workshops_per_participant (b));
  g_assert_cmpint (auftakt_event_get_unranked_cost (a), ==, auftakt_event_get_unranked_cost (b));

  g_assert_cmpuint (n_items (auftakt_event_get_rounds (a)), ==,
                    n_items (auftakt_event_get_rounds (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_rounds (a)); i++)
    {
      AuftaktRound *x = item_at (auftakt_event_get_rounds (a), i);
      AuftaktRound *y = item_at (auftakt_event_get_rounds (b), i);

      g_assert_cmpstr (auftakt_round_get_id (x), ==, auftakt_round_get_id (y));
      g_assert_cmpstr (auftakt_round_get_title (x), ==, auftakt_round_get_title (y));
      g_assert_cmpint (auftakt_round_get_start (x), ==, auftakt_round_get_start (y));
      g_assert_cmpint (auftakt_round_get_end (x), ==, auftakt_round_get_end (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_rooms (a)), ==,
                    n_items (auftakt_event_get_rooms (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_rooms (a)); i++)
    {
      AuftaktRoom *x = item_at (auftakt_event_get_rooms (a), i);
      AuftaktRoom *y = item_at (auftakt_event_get_rooms (b), i);

      g_assert_cmpstr (auftakt_room_get_id (x), ==, auftakt_room_get_id (y));
      g_assert_cmpstr (auftakt_room_get_name (x), ==, auftakt_room_get_name (y));
      g_assert_cmpint (auftakt_room_get_capacity (x), ==, auftakt_room_get_capacity (y));
      g_assert_cmpstr (auftakt_room_get_description (x), ==, auftakt_room_get_description (y));
      assert_strv_equal (auftakt_room_get_unavailable (x), auftakt_room_get_unavailable (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_clusters (a)), ==,
                    n_items (auftakt_event_get_clusters (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_clusters (a)); i++)
    {
      AuftaktCluster *x = item_at (auftakt_event_get_clusters (a), i);
      AuftaktCluster *y = item_at (auftakt_event_get_clusters (b), i);

      g_assert_cmpstr (auftakt_cluster_get_id (x), ==, auftakt_cluster_get_id (y));
      g_assert_cmpstr (auftakt_cluster_get_title (x), ==, auftakt_cluster_get_title (y));
      g_assert_cmpstr (auftakt_cluster_get_colour (x), ==, auftakt_cluster_get_colour (y));
      g_assert_cmpstr (auftakt_cluster_get_description (x), ==,
                       auftakt_cluster_get_description (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_referees (a)), ==,
                    n_items (auftakt_event_get_referees (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_referees (a)); i++)
    {
      AuftaktReferee *x = item_at (auftakt_event_get_referees (a), i);
      AuftaktReferee *y = item_at (auftakt_event_get_referees (b), i);

      g_assert_cmpstr (auftakt_referee_get_id (x), ==, auftakt_referee_get_id (y));
      g_assert_cmpstr (auftakt_referee_get_name (x), ==, auftakt_referee_get_name (y));
      g_assert_cmpstr (auftakt_referee_get_organisation (x), ==,
                       auftakt_referee_get_organisation (y));
      g_assert_cmpstr (auftakt_referee_get_role (x), ==, auftakt_referee_get_role (y));
      g_assert_cmpstr (auftakt_referee_get_email (x), ==, auftakt_referee_get_email (y));
      assert_strv_equal (auftakt_referee_get_unavailable (x),
                         auftakt_referee_get_unavailable (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_workshops (a)), ==,
                    n_items (auftakt_event_get_workshops (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_workshops (a)); i++)
    {
      AuftaktWorkshop *x = item_at (auftakt_event_get_workshops (a), i);
      AuftaktWorkshop *y = item_at (auftakt_event_get_workshops (b), i);

      g_assert_cmpstr (auftakt_workshop_get_id (x), ==, auftakt_workshop_get_id (y));
      g_assert_cmpstr (auftakt_workshop_get_title (x), ==, auftakt_workshop_get_title (y));
      g_assert_cmpstr (auftakt_workshop_get_description (x), ==,
                       auftakt_workshop_get_description (y));
      g_assert_cmpstr (auftakt_workshop_get_cluster (x), ==, auftakt_workshop_get_cluster (y));
      g_assert_cmpint (auftakt_workshop_get_min (x), ==, auftakt_workshop_get_min (y));
      g_assert_cmpint (auftakt_workshop_get_max (x), ==, auftakt_workshop_get_max (y));
      g_assert_cmpint (auftakt_workshop_get_max_runs (x), ==, auftakt_workshop_get_max_runs (y));
      assert_strv_equal (auftakt_workshop_get_leads (x), auftakt_workshop_get_leads (y));
      assert_strv_equal (auftakt_workshop_get_unavailable (x),
                         auftakt_workshop_get_unavailable (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_participants (a)), ==,
                    n_items (auftakt_event_get_participants (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_participants (a)); i++)
    {
      AuftaktParticipant *x = item_at (auftakt_event_get_participants (a), i);
      AuftaktParticipant *y = item_at (auftakt_event_get_participants (b), i);

      g_assert_cmpstr (auftakt_participant_get_id (x), ==, auftakt_participant_get_id (y));
      g_assert_cmpstr (auftakt_participant_get_name (x), ==, auftakt_participant_get_name (y));
      g_assert_cmpstr (auftakt_participant_get_organisation (x), ==,
                       auftakt_participant_get_organisation (y));
      g_assert_cmpstr (auftakt_participant_get_email (x), ==, auftakt_participant_get_email (y));
      assert_strv_equal (auftakt_participant_get_choices (x),
                         auftakt_participant_get_choices (y));
      assert_strv_equal (auftakt_participant_get_unavailable (x),
                         auftakt_participant_get_unavailable (y));
    }

  g_assert_cmpuint (n_items (auftakt_event_get_agenda (a)), ==,
                    n_items (auftakt_event_get_agenda (b)));
  for (guint i = 0; i < n_items (auftakt_event_get_agenda (a)); i++)
    {
      AuftaktAgendaItem *x = item_at (auftakt_event_get_agenda (a), i);
      AuftaktAgendaItem *y = item_at (auftakt_event_get_agenda (b), i);

      g_assert_cmpstr (auftakt_agenda_item_get_id (x), ==, auftakt_agenda_item_get_id (y));
      g_assert_cmpstr (auftakt_agenda_item_get_number (x), ==, auftakt_agenda_item_get_number (y));
      g_assert_cmpstr (auftakt_agenda_item_get_title (x), ==, auftakt_agenda_item_get_title (y));
      g_assert_cmpint (auftakt_agenda_item_get_kind (x), ==, auftakt_agenda_item_get_kind (y));
      g_assert_cmpint (auftakt_agenda_item_get_start (x), ==, auftakt_agenda_item_get_start (y));
      g_assert_cmpint (auftakt_agenda_item_get_end (x), ==, auftakt_agenda_item_get_end (y));
      g_assert_cmpstr (auftakt_agenda_item_get_room (x), ==, auftakt_agenda_item_get_room (y));
      g_assert_cmpstr (auftakt_agenda_item_get_round (x), ==, auftakt_agenda_item_get_round (y));
      g_assert_cmpstr (auftakt_agenda_item_get_description (x), ==,
                       auftakt_agenda_item_get_description (y));
      assert_strv_equal (auftakt_agenda_item_get_speakers (x),
                         auftakt_agenda_item_get_speakers (y));
    }
}

static void
assert_schedules_equal (AuftaktSchedule *a,
                        AuftaktSchedule *b)
{
  guint n = auftakt_schedule_get_n_sessions (a);

  g_assert_cmpuint (auftakt_schedule_get_n_sessions (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *x = auftakt_schedule_get_session (a, i);
      AuftaktSession *y = auftakt_schedule_get_session (b, i);

      g_assert_cmpstr (auftakt_session_get_workshop (x), ==, auftakt_session_get_workshop (y));
      g_assert_cmpstr (auftakt_session_get_round (x), ==, auftakt_session_get_round (y));
      g_assert_cmpstr (auftakt_session_get_room (x), ==, auftakt_session_get_room (y));
      g_assert_cmpint (auftakt_session_get_locked (x), ==, auftakt_session_get_locked (y));
      g_assert_cmpuint (auftakt_session_get_n_attendees (x), ==,
                        auftakt_session_get_n_attendees (y));
      for (guint j = 0; j < auftakt_session_get_n_attendees (x); j++)
        {
          const AuftaktAttendance *p = auftakt_session_get_attendance (x, j);
          const AuftaktAttendance *q = auftakt_session_get_attendance (y, j);

          g_assert_cmpstr (p->participant, ==, q->participant);
          g_assert_cmpint (p->locked, ==, q->locked);
        }
    }
}

/* Runs a python3 script of the benchmark; FALSE (and the test skipped) if
 * there is no python3. */
static gboolean
run_bench_script (const char *script,
                  const char *arg1,
                  const char *arg2,
                  int        *exit_status,
                  char      **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bench = g_getenv ("AUFTAKT_BENCH_DIR");
  const char *argv[5];
  int wait_status;

  if (python == NULL || bench == NULL)
    {
      g_test_skip ("python3 or AUFTAKT_BENCH_DIR missing");
      return FALSE;
    }

  script_path = g_build_filename (bench, script, NULL);
  argv[0] = python;
  argv[1] = script_path;
  argv[2] = arg1;
  argv[3] = arg2;
  argv[4] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      *exit_status = error->code;
    }
  if (output != NULL)
    *output = g_strconcat (out, err, NULL);
  return TRUE;
}

/* check.py's load_event accepts the file. */
static void
assert_check_py_reads (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bench = g_getenv ("AUFTAKT_BENCH_DIR");
  const char *argv[] = {
    NULL, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import check; "
                "check.load_event(sys.argv[2])",
    bench, path, NULL
  };
  int wait_status;

  if (python == NULL || bench == NULL)
    return;

  argv[0] = python;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("check.py refuses %s: %s", path, err);
}

static void
test_bench_round_trip (void)
{
  const char *bench = g_getenv ("AUFTAKT_BENCH_DIR");
  g_autofree char *instances = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (bench == NULL)
    {
      g_test_skip ("AUFTAKT_BENCH_DIR is not set");
      return;
    }

  instances = g_build_filename (bench, "instances", NULL);
  dir = g_dir_open (instances, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no benchmark instances");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);

  tmp = make_tmp_dir ();
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AuftaktEvent) original = NULL;
      g_autoptr(AuftaktEvent) again = NULL;
      g_autofree char *source = g_build_filename (instances, names->pdata[i], NULL);
      g_autofree char *written = g_build_filename (tmp, names->pdata[i], NULL);
      g_autofree char *output = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();
      int status;

      original = auftakt_xml_read_event (source, &error);
      g_assert_no_error (error);
      g_assert_nonnull (original);
      g_test_message ("%s: read in %.3f s", (char *) names->pdata[i],
                      g_timer_elapsed (timer, NULL));
      g_assert_cmpuint (n_items (auftakt_event_get_participants (original)), >, 0);
      g_assert_null (auftakt_event_get_id (original));

      g_assert_true (auftakt_xml_write_event (original, written, &error));
      g_assert_no_error (error);
      again = auftakt_xml_read_event (written, &error);
      g_assert_no_error (error);
      assert_events_equal (original, again);

      if (run_bench_script ("same_event.py", source, written, &status, &output))
        {
          if (status != 0)
            g_error ("same_event.py %s %s: %s", source, written, output);
        }
    }

  remove_tmp_dir (tmp);
}

/* The largest benchmark family (20,000 participants, 128k lines) is not
 * stored; gen.py makes it.  Reading it must stay well under a second. */
static void
test_xlarge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  const char *bench = g_getenv ("AUFTAKT_BENCH_DIR");
  g_autofree char *gen = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autofree char *output = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktEvent) again = NULL;
  g_autoptr(GTimer) timer = NULL;
  double seconds;
  int wait_status, status;

#if defined(__SANITIZE_ADDRESS__)
  /* a measurement, and minutes under ASan with full stacks; the bench
   * instances and the big line numbers cover the same code */
  g_test_skip ("not timed under AddressSanitizer");
  return;
#endif

  if (python == NULL || bench == NULL)
    {
      g_test_skip ("python3 or AUFTAKT_BENCH_DIR missing");
      return;
    }

  gen = g_build_filename (bench, "gen.py", NULL);
  tmp = make_tmp_dir ();
  path = g_build_filename (tmp, "xlarge-s1.xml", NULL);
  written = g_build_filename (tmp, "written.xml", NULL);
  {
    const char *argv[] = { python, gen, "--family", "xlarge", "--seed", "1", "-o", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  NULL, NULL, &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }

  timer = g_timer_new ();
  event = auftakt_xml_read_event (path, &error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_test_message ("xlarge-s1.xml: read in %.3f s", seconds);
  g_assert_cmpuint (n_items (auftakt_event_get_participants (event)), ==, 20000);
  g_assert_cmpfloat (seconds, <, 2.0);

  g_timer_start (timer);
  g_assert_true (auftakt_xml_write_event (event, written, &error));
  g_assert_no_error (error);
  g_test_message ("xlarge-s1.xml: written in %.3f s", g_timer_elapsed (timer, NULL));
  again = auftakt_xml_read_event (written, &error);
  g_assert_no_error (error);
  assert_events_equal (event, again);
  if (run_bench_script ("same_event.py", path, written, &status, &output))
    g_assert_cmpint (status, ==, 0);

  remove_tmp_dir (tmp);
}

/* An event that uses every field and every extension. */
static AuftaktEvent *
make_full_event (void)
{
  AuftaktEvent *event = auftakt_event_new ("kickoff-2024");
  g_autoptr(AuftaktRound) r1 = auftakt_round_new ("R1");
  g_autoptr(AuftaktRound) r2 = auftakt_round_new ("R2");
  g_autoptr(AuftaktRoom) m1 = auftakt_room_new ("M1");
  g_autoptr(AuftaktRoom) m2 = auftakt_room_new ("M2");
  g_autoptr(AuftaktCluster) c1 = auftakt_cluster_new ("C1");
  g_autoptr(AuftaktReferee) f1 = auftakt_referee_new ("F1");
  g_autoptr(AuftaktReferee) f2 = auftakt_referee_new ("F2");
  g_autoptr(AuftaktWorkshop) w1 = auftakt_workshop_new ("WS1");
  g_autoptr(AuftaktWorkshop) w2 = auftakt_workshop_new ("WS2");
  g_autoptr(AuftaktParticipant) p1 = auftakt_participant_new ("P1");
  g_autoptr(AuftaktParticipant) p2 = auftakt_participant_new ("P2");
  g_autoptr(AuftaktAgendaItem) a1 = auftakt_agenda_item_new ("A1");
  g_autoptr(AuftaktAgendaItem) a2 = auftakt_agenda_item_new ("A2");
  const char *r1_only[] = { "R1", NULL };
  const char *r2_only[] = { "R2", NULL };
  const char *both_referees[] = { "F2", "F1", NULL };
  const char *choices[] = { "WS2", "WS1", NULL };

  auftakt_event_set_title (event, "Digitale Kommune <Potsdam> & \"Umland\"");
  auftakt_event_set_date (event, "2024-03-15");
  auftakt_event_set_venue (event, "Rathaus, Friedrich-Ebert-Straße 79");
  auftakt_event_set_description (event, "  Line one\nline two\twith tab & <markup>  ");
  auftakt_event_set_workshops_per_participant (event, 1);
  auftakt_event_set_unranked_cost (event, 50);

  auftakt_round_set_title (r1, "Morgens");
  auftakt_round_set_start (r1, 9 * 60);
  auftakt_round_set_end (r1, 10 * 60 + 30);
  auftakt_round_set_start (r2, 11 * 60);
  auftakt_round_set_end (r2, 12 * 60 + 30);

  auftakt_room_set_name (m1, "Plenarsaal");
  auftakt_room_set_capacity (m1, 120);
  auftakt_room_set_description (m1, "Barrierefrei, 2. Stock");
  auftakt_room_set_unavailable (m1, r2_only);
  auftakt_room_set_capacity (m2, 1);
  auftakt_room_set_name (m2, "");

  auftakt_cluster_set_title (c1, "Verwaltung");
  auftakt_cluster_set_colour (c1, "#3584e4");
  auftakt_cluster_set_description (c1, "Alles zur Verwaltung");

  auftakt_referee_set_name (f1, "Anika Beispiel");
  auftakt_referee_set_organisation (f1, "Stadt Potsdam");
  auftakt_referee_set_role (f1, "Moderation");
  auftakt_referee_set_email (f1, "anika@example.org");
  auftakt_referee_set_unavailable (f1, r1_only);

  auftakt_workshop_set_title (w1, "Verwaltung digital");
  auftakt_workshop_set_description (w1, "Wie es geht.");
  auftakt_workshop_set_cluster (w1, "C1");
  auftakt_workshop_set_min (w1, 5);
  auftakt_workshop_set_max (w1, 30);
  auftakt_workshop_set_max_runs (w1, 2);
  auftakt_workshop_set_leads (w1, both_referees);
  auftakt_workshop_set_unavailable (w1, r1_only);
  auftakt_workshop_set_max (w2, 0);

  auftakt_participant_set_name (p1, "Max Mustermann");
  auftakt_participant_set_organisation (p1, "Landkreis");
  auftakt_participant_set_email (p1, "max@example.org");
  auftakt_participant_set_choices (p1, choices);
  auftakt_participant_set_unavailable (p1, r2_only);

  auftakt_agenda_item_set_number (a1, "1.1");
  auftakt_agenda_item_set_kind (a1, AUFTAKT_AGENDA_KIND_PANEL);
  auftakt_agenda_item_set_start (a1, 8 * 60 + 10);
  auftakt_agenda_item_set_end (a1, 8 * 60 + 40);
  auftakt_agenda_item_set_room (a1, "M1");
  auftakt_agenda_item_set_title (a1, "Podium");
  auftakt_agenda_item_set_speakers (a1, both_referees);
  auftakt_agenda_item_set_description (a1, "Drei Stimmen");
  auftakt_agenda_item_set_kind (a2, AUFTAKT_AGENDA_KIND_WORKSHOPS);
  auftakt_agenda_item_set_round (a2, "R1");

  g_list_store_append (auftakt_event_get_rounds (event), r1);
  g_list_store_append (auftakt_event_get_rounds (event), r2);
  g_list_store_append (auftakt_event_get_rooms (event), m1);
  g_list_store_append (auftakt_event_get_rooms (event), m2);
  g_list_store_append (auftakt_event_get_clusters (event), c1);
  g_list_store_append (auftakt_event_get_referees (event), f1);
  g_list_store_append (auftakt_event_get_referees (event), f2);
  g_list_store_append (auftakt_event_get_workshops (event), w1);
  g_list_store_append (auftakt_event_get_workshops (event), w2);
  g_list_store_append (auftakt_event_get_participants (event), p1);
  g_list_store_append (auftakt_event_get_participants (event), p2);
  g_list_store_append (auftakt_event_get_agenda (event), a1);
  g_list_store_append (auftakt_event_get_agenda (event), a2);

  return event;
}

static void
test_extensions_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktEvent) event = make_full_event ();
  g_autoptr(AuftaktEvent) again = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "full.xml", NULL);
  g_autofree char *path2 = g_build_filename (tmp, "full2.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *output = NULL;
  int status;

  g_assert_true (auftakt_xml_write_event (event, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event"));
  g_assert_nonnull (strstr (text, "xmlns:a=\"urn:auftakt:1\""));
  g_assert_nonnull (strstr (text, "a:colour=\"#3584e4\""));
  g_assert_nonnull (strstr (text, "\n    <a:description>Wie es geht.</a:description>\n"));
  /* unset values are absent, not empty */
  g_assert_null (strstr (text, "max-runs=\"-1\""));
  g_assert_nonnull (strstr (text, "<workshop id=\"WS2\" max=\"0\"/>"));
  g_assert_nonnull (strstr (text, "<referee id=\"F2\"/>"));

  again = auftakt_xml_read_event (path, &error);
  g_assert_no_error (error);
  assert_events_equal (event, again);
  g_assert_null (auftakt_referee_get_name (item_at (auftakt_event_get_referees (again), 1)));
  g_assert_cmpstr (auftakt_room_get_name (item_at (auftakt_event_get_rooms (again), 1)), ==, "");

  /* writing what was read gives the same bytes */
  g_assert_true (auftakt_xml_write_event (again, path2, &error));
  g_assert_true (g_file_get_contents (path2, &text2, NULL, NULL));
  g_assert_cmpstr (text, ==, text2);

  /* version 1 tools read the extended file */
  assert_check_py_reads (path);
  if (run_bench_script ("same_event.py", path, path2, &status, &output))
    g_assert_cmpint (status, ==, 0);

  remove_tmp_dir (tmp);
}

/* The demo event is written to the agreed extensions by another tool. */
static void
test_demo_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = g_build_filename (SOURCE_DATADIR, "demo", "potsdam.xml", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *written = NULL;
  g_autofree char *output = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktEvent) again = NULL;
  int status;

  if (!g_file_test (demo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no demo event");
      return;
    }

  event = auftakt_xml_read_event (demo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (auftakt_event_get_id (event));
  g_assert_nonnull (auftakt_event_get_venue (event));
  g_assert_nonnull (auftakt_event_get_description (event));
  g_assert_cmpuint (n_items (auftakt_event_get_agenda (event)), >, 0);

  tmp = make_tmp_dir ();
  written = g_build_filename (tmp, "demo.xml", NULL);
  g_assert_true (auftakt_xml_write_event (event, written, &error));
  g_assert_no_error (error);
  again = auftakt_xml_read_event (written, &error);
  g_assert_no_error (error);
  assert_events_equal (event, again);
  if (run_bench_script ("same_event.py", demo, written, &status, &output))
    g_assert_cmpint (status, ==, 0);

  remove_tmp_dir (tmp);
}

static void
test_defaults_and_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("small-event.xml");
  g_autoptr(AuftaktEvent) event = auftakt_xml_read_event (path, &error);
  AuftaktParticipant *p1, *p2, *p3;
  AuftaktWorkshop *w1, *w2;
  AuftaktRound *r1;
  AuftaktRoom *m2;
  const char *expected_choices[] = { "W1", "W2", NULL };
  const char *r2_only[] = { "R2", NULL };

  g_assert_no_error (error);
  g_assert_nonnull (event);
  g_assert_null (auftakt_event_get_id (event));
  g_assert_null (auftakt_event_get_date (event));
  g_assert_null (auftakt_event_get_description (event));
  g_assert_cmpstr (auftakt_event_get_title (event), ==, "Small");
  g_assert_cmpint (auftakt_event_get_workshops_per_participant (event), ==, 1);
  g_assert_cmpint (auftakt_event_get_unranked_cost (event), ==, 100);

  /* rounds and participants keep document order, interleaved as they are */
  g_assert_cmpuint (n_items (auftakt_event_get_rounds (event)), ==, 2);
  r1 = item_at (auftakt_event_get_rounds (event), 0);
  g_assert_cmpstr (auftakt_round_get_id (r1), ==, "R1");
  g_assert_cmpint (auftakt_round_get_start (r1), ==, 9 * 60);
  g_assert_cmpint (auftakt_round_get_end (r1), ==, 10 * 60);
  g_assert_null (auftakt_round_get_title (r1));
  g_assert_cmpuint (n_items (auftakt_event_get_participants (event)), ==, 3);
  p1 = item_at (auftakt_event_get_participants (event), 0);
  p2 = item_at (auftakt_event_get_participants (event), 1);
  p3 = item_at (auftakt_event_get_participants (event), 2);
  g_assert_cmpstr (auftakt_participant_get_id (p2), ==, "P2");

  /* choices in rank order, whatever the order in the file */
  assert_strv_equal (auftakt_participant_get_choices (p1), expected_choices);
  g_assert_cmpstr (auftakt_participant_get_name (p1), ==, "Max");
  g_assert_null (auftakt_participant_get_name (p2));
  g_assert_cmpstr (auftakt_participant_get_name (p3), ==, "");
  g_assert_nonnull (auftakt_participant_get_choices (p2));
  g_assert_null (auftakt_participant_get_choices (p2)[0]);

  w1 = auftakt_event_find_workshop (event, "W1");
  w2 = auftakt_event_find_workshop (event, "W2");
  g_assert_cmpint (auftakt_workshop_get_min (w1), ==, 1);
  g_assert_cmpint (auftakt_workshop_get_max (w1), ==, 10);
  g_assert_null (auftakt_workshop_get_title (w2));
  g_assert_null (auftakt_workshop_get_cluster (w2));
  g_assert_null (auftakt_workshop_get_description (w2));
  g_assert_cmpint (auftakt_workshop_get_min (w2), ==, 0);
  g_assert_cmpint (auftakt_workshop_get_max (w2), ==, -1);
  g_assert_cmpint (auftakt_workshop_get_max_runs (w2), ==, -1);

  m2 = auftakt_event_find_room (event, "M2");
  g_assert_null (auftakt_room_get_name (m2));
  g_assert_cmpint (auftakt_room_get_capacity (m2), ==, 5);
  assert_strv_equal (auftakt_room_get_unavailable (m2), r2_only);
}

/* A round listed twice as unavailable counts once (check.py keeps a set);
 * a plan holds each only once. */
static void
test_unavailable_twice (void)
{
  const char * const r1[] = { "R1", NULL };
  const char * const r2[] = { "R2", NULL };
  const char * const r1_r2[] = { "R1", "R2", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("unavailable-twice.xml");
  g_autoptr(AuftaktEvent) event = auftakt_xml_read_event (path, &error);

  g_assert_no_error (error);
  assert_strv_equal (auftakt_room_get_unavailable (auftakt_event_find_room (event, "M1")),
                     r1_r2);
  assert_strv_equal (auftakt_referee_get_unavailable (auftakt_event_find_referee (event, "F1")),
                     r2);
  assert_strv_equal (auftakt_workshop_get_unavailable (auftakt_event_find_workshop (event, "W1")),
                     r1);
  assert_strv_equal (auftakt_participant_get_unavailable (auftakt_event_find_participant (event,
                                                                                         "P1")),
                     r2);
}

typedef struct
{
  const char      *file;
  AuftaktXmlError  code;
  int              line;  /* of the first problem; 0: none */
  const char      *substring;
} BadInput;

static const BadInput bad_inputs[] = {
  { "malformed.xml", AUFTAKT_XML_ERROR_MALFORMED, 5, "not well-formed" },
  { "unbound-prefix.xml", AUFTAKT_XML_ERROR_MALFORMED, 4, "not well-formed" },
  { "wrong-root.xml", AUFTAKT_XML_ERROR_ROOT, 3, "<schedule>, expected <event>" },
  { "version-2.xml", AUFTAKT_XML_ERROR_ROOT, 2, "version “2”" },
  { "namespaced-root.xml", AUFTAKT_XML_ERROR_ROOT, 2, "urn:auftakt:1" },
  { "unknown-element.xml", AUFTAKT_XML_ERROR_SCHEMA, 5, "bogus" },
  { "unknown-child.xml", AUFTAKT_XML_ERROR_SCHEMA, 6, "lead" },
  { "capacity-negative.xml", AUFTAKT_XML_ERROR_SCHEMA, 3, "-3" },
  { "capacity-missing.xml", AUFTAKT_XML_ERROR_SCHEMA, 4, "capacity" },
  { "k-zero.xml", AUFTAKT_XML_ERROR_SCHEMA, 2, "workshops-per-participant" },
  { "empty-id.xml", AUFTAKT_XML_ERROR_SCHEMA, 3, "id" },
  { "bad-time.xml", AUFTAKT_XML_ERROR_SCHEMA, 4, "25:00" },
  { "duplicate-id.xml", AUFTAKT_XML_ERROR_INVALID, 5, "<room id=“M1”> is already on line 3" },
  { "multiline-tag.xml", AUFTAKT_XML_ERROR_INVALID, 4, "<room id=“M1”> is already on line 3" },
  { "unknown-workshop.xml", AUFTAKT_XML_ERROR_INVALID, 6, "workshop=“W9” in <choice>" },
  { "rank-gap.xml", AUFTAKT_XML_ERROR_INVALID, 5, "without gaps" },
  { "duplicate-choice.xml", AUFTAKT_XML_ERROR_INVALID, 6, "ranks workshop “W1” twice" },
  { "capacity-0.xml", AUFTAKT_XML_ERROR_INVALID, 4, "room “M2” has capacity 0" },
  { "capacity-huge.xml", AUFTAKT_XML_ERROR_INVALID, 3, "99999999999" },
  { "min-max.xml", AUFTAKT_XML_ERROR_INVALID, 4, "min=5 above max=3" },
  { "round-end.xml", AUFTAKT_XML_ERROR_INVALID, 4, "round “R2” does not end after it starts" },
  { "unknown-round.xml", AUFTAKT_XML_ERROR_INVALID, 6, "round=“R9” in <unavailable>" },
  { "unknown-referee.xml", AUFTAKT_XML_ERROR_INVALID, 5, "referee=“F2” in <lead>" },
  { "unknown-cluster.xml", AUFTAKT_XML_ERROR_INVALID, 4, "cluster=“C2” in <workshop>" },
  { "lead-twice.xml", AUFTAKT_XML_ERROR_INVALID, 6, "referee “F1” is listed twice" },
  { "ext-bad-colour.xml", AUFTAKT_XML_ERROR_INVALID, 3, "#12345" },
  { "ext-unknown-speaker.xml", AUFTAKT_XML_ERROR_INVALID, 7, "referee=“F7” in <a:speaker>" },
  { "ext-speaker-twice.xml", AUFTAKT_XML_ERROR_INVALID, 7, "“F1” is listed twice as a speaker" },
  { "ext-bad-kind.xml", AUFTAKT_XML_ERROR_INVALID, 5, "kind=“lecture”" },
  { "ext-unknown-room.xml", AUFTAKT_XML_ERROR_INVALID, 6, "room=“M2” in <a:item>" },
  { "ext-unknown-round.xml", AUFTAKT_XML_ERROR_INVALID, 5, "round=“R2” in <a:unavailable>" },
  { "ext-bad-time.xml", AUFTAKT_XML_ERROR_INVALID, 4, "9.30" },
  { "ext-unexpected.xml", AUFTAKT_XML_ERROR_SCHEMA, 5, "<round> in <a:agenda>" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path (bad->file);
  g_autoptr(AuftaktEvent) event = auftakt_xml_read_event (path, &error);
  g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, bad->line);
  g_autofree char *first_line = NULL;

  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, (int) bad->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, bad->substring));
  /* the first line says it */
  first_line = g_strndup (error->message, strcspn (error->message, "\n"));
  g_assert_nonnull (strstr (first_line, bad->substring));
}

static void
test_empty_and_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *empty = g_build_filename (tmp, "empty.xml", NULL);
  g_autofree char *blank = g_build_filename (tmp, "blank.xml", NULL);
  g_autofree char *text = g_build_filename (tmp, "text.xml", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing.xml", NULL);
  g_autofree char *expected = NULL;
  AuftaktEvent *event;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  event = auftakt_xml_read_event (empty, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
  expected = g_strdup_printf ("%s: the file is empty", empty);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (blank, "\n  \n", -1, NULL));
  event = auftakt_xml_read_event (blank, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
  g_clear_error (&error);

  /* text or binary data is not an empty file */
  g_assert_true (g_file_set_contents (text, "\nplain text\n", -1, NULL));
  event = auftakt_xml_read_event (text, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:2: not well-formed XML", text);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
  event = auftakt_xml_read_event (text, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "empty"));
  g_clear_error (&error);

  event = auftakt_xml_read_event (missing, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  event = auftakt_xml_read_event (tmp, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_READ);
  g_clear_error (&error);

  remove_tmp_dir (tmp);
}

/* A document type declaration as check.py's expat reads it: entities of
 * the file are expanded and <!ATTLIST> defaults apply, but nothing outside
 * the file is read. */
static void
test_dtd (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("entity.xml");
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *secret = g_build_filename (tmp, "secret.xml", NULL);
  g_autofree char *external = g_build_filename (tmp, "external.xml", NULL);
  g_autofree char *dtd = g_build_filename (tmp, "dtd.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  AuftaktEvent *refused;
  AuftaktSession *session;

  /* the round comes from an entity, the room's capacity from a default */
  event = auftakt_xml_read_event (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (auftakt_event_get_rounds (event)), ==, 1);
  g_assert_cmpstr (auftakt_round_get_id (item_at (auftakt_event_get_rounds (event), 0)), ==,
                   "R1");
  g_assert_cmpint (auftakt_room_get_capacity (auftakt_event_find_room (event, "M1")), ==, 12);

  /* an external entity is undefined, and its file is never read (its
   * id holds '_', which no temporary folder's name does) */
  g_assert_true (g_file_set_contents (secret, "<round id=\"secret_round\"/>", -1, NULL));
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE event [<!ENTITY s SYSTEM \"%s\">]>\n"
                          "<event version=\"1\">\n"
                          "  &s;\n"
                          "</event>\n", secret);
  g_assert_true (g_file_set_contents (external, text, -1, NULL));
  refused = auftakt_xml_read_event (external, &error);
  g_assert_null (refused);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  prefix = g_strdup_printf ("%s:4: ", external);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strstr (error->message + strlen (prefix), "secret_round"));
  g_clear_error (&error);

  /* a problem in an entity's element is on the line of the reference */
  g_assert_true (g_file_set_contents (external,
                                      "<!DOCTYPE event [\n"
                                      "  <!ENTITY m \"<room id='M1' capacity='0'/>\">\n"
                                      "]>\n"
                                      "<event version=\"1\">\n"
                                      "\n"
                                      "  &m;\n"
                                      "</event>\n", -1, NULL));
  refused = auftakt_xml_read_event (external, &error);
  g_assert_null (refused);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_INVALID);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s:6: ", external);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "capacity 0"));
  g_clear_error (&error);

  /* nor is an external DTD: its default would make the room unknown */
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_set_contents (secret, "<!ATTLIST session room CDATA \"M9\">", -1,
                                      NULL));
  text = g_strdup_printf ("<!DOCTYPE schedule SYSTEM \"%s\" [\n"
                          "  <!ENTITY a \"<attendee participant='P1'/>\">\n"
                          "  <!ATTLIST session room CDATA \"M1\">\n"
                          "]>\n"
                          "<schedule version=\"1\">\n"
                          "  <session workshop=\"W1\" round=\"R1\">&a;</session>\n"
                          "</schedule>\n", secret);
  g_assert_true (g_file_set_contents (dtd, text, -1, NULL));
  schedule = auftakt_xml_read_schedule (dtd, event, AUFTAKT_XML_READ_LENIENT, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (schedule), ==, 1);
  session = auftakt_schedule_get_session (schedule, 0);
  g_assert_cmpstr (auftakt_session_get_room (session), ==, "M1");
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 1);
  g_assert_cmpstr (auftakt_session_get_attendance (session, 0)->participant, ==, "P1");

  remove_tmp_dir (tmp);
}

/* The encodings check.py's expat reads, and no others. */
static void
test_encodings (void)
{
  const struct { const char *encoding; const char *name; const char *read; } readable[] = {
    { "ISO-8859-1", "J\xfcrgen", "Jürgen" },
    { "windows-1252", "J\xfcrgen \x80", "Jürgen €" },
    /* not UTF-8 for expat, which takes it byte by byte, as ASCII */
    { "utf8", "Juergen", "Juergen" },
  };
  const char * const refused[] = { "Shift_JIS", "EUC-JP", "UTF-7", "IBM037", "UCS-2" };
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "event.xml", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:1: ", path);

  for (guint i = 0; i < G_N_ELEMENTS (readable); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AuftaktEvent) event = NULL;
      g_autofree char *text =
        g_strdup_printf ("<?xml version=\"1.0\" encoding=\"%s\"?>\n"
                         "<event version=\"1\"><participant id=\"P1\" name=\"%s\"/></event>\n",
                         readable[i].encoding, readable[i].name);
      AuftaktParticipant *participant;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      event = auftakt_xml_read_event (path, &error);
      g_assert_no_error (error);
      participant = item_at (auftakt_event_get_participants (event), 0);
      g_assert_cmpstr (auftakt_participant_get_name (participant), ==, readable[i].read);
    }

  /* a byte expat cannot decode in it */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AuftaktEvent) event = NULL;

    g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\" encoding=\"utf8\"?>\n"
                                        "<event version=\"1\"><participant id=\"P1\" "
                                        "name=\"J\xc3\xbcrgen\"/></event>\n", -1, NULL));
    event = auftakt_xml_read_event (path, &error);
    g_assert_null (event);
    g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
    g_assert_true (g_str_has_prefix (error->message, prefix));
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AuftaktEvent) event = NULL;
      g_autofree char *text =
        g_strdup_printf ("<?xml version=\"1.0\" encoding=\"%s\"?>\n"
                         "<event version=\"1\"/>\n", refused[i]);
      g_autofree char *converted = NULL;
      gsize len = 0;

      /* as it would be written in that encoding (UTF-7 would hide the
       * declaration from both readers) */
      if (g_str_equal (refused[i], "UTF-7"))
        {
          converted = g_strdup (text);
          len = strlen (text);
        }
      else
        {
          converted = g_convert (text, -1, refused[i], "UTF-8", NULL, &len, NULL);
        }
      g_assert_nonnull (converted);
      g_assert_true (g_file_set_contents (path, converted, len, NULL));
      event = auftakt_xml_read_event (path, &error);
      g_assert_null (event);
      g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, refused[i]));
    }

  remove_tmp_dir (tmp);
}

#define FILLER_LINES 70000

/* A file whose problem stands past line 65,535: libxml2 keeps no more than
 * 65535 in a node. */
static void
assert_big_line (const char      *problem,
                 AuftaktXmlError  code,
                 const char      *substring)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<event version=\"1\">\n"
                                          "  <room id=\"M1\" capacity=\"3\"/>\n");
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "big.xml", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  int line;

  for (guint i = 0; i < FILLER_LINES; i++)
    g_string_append_c (text, '\n');
  line = 3 + FILLER_LINES + 1;
  g_string_append_printf (text, "  %s\n</event>\n", problem);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  event = auftakt_xml_read_event (path, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, (int) code);
  prefix = g_strdup_printf ("%s:%d: ", path, line);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, substring));

  remove_tmp_dir (tmp);
}

static void
test_big_line_numbers (void)
{
  assert_big_line ("<room id=\"M1\" capacity=\"4\"/>", AUFTAKT_XML_ERROR_INVALID, "M1");
  assert_big_line ("<bogus/>", AUFTAKT_XML_ERROR_SCHEMA, "bogus");
  assert_big_line ("<room id=\"M2\"\n capacity=\"x\"/>", AUFTAKT_XML_ERROR_SCHEMA, "capacity");
  assert_big_line ("<room id=\"M2\" capacity=4/>", AUFTAKT_XML_ERROR_MALFORMED,
                   "not well-formed");
}

static void
test_many_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("<event version=\"1\">\n");
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "many.xml", NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(AuftaktEvent) event = NULL;

  for (guint i = 0; i < 31; i++)
    g_string_append (text, "  <room id=\"M1\" capacity=\"1\"/>\n");
  g_string_append (text, "</event>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  event = auftakt_xml_read_event (path, &error);
  g_assert_null (event);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", path, i + 3);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
  g_assert_true (g_str_has_suffix (lines[20], ": 10 more problems"));

  remove_tmp_dir (tmp);
}

static AuftaktEvent *
read_small_event (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("small-event.xml");
  AuftaktEvent *event = auftakt_xml_read_event (path, &error);

  g_assert_no_error (error);
  return event;
}

static void
test_schedule_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktEvent) event = read_small_event ();
  g_autofree char *path = data_path ("schedule-good.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AuftaktSchedule) strict = NULL;
  g_autoptr(AuftaktSchedule) lenient = NULL;
  g_autoptr(AuftaktSchedule) again = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *written = g_build_filename (tmp, "schedule.xml", NULL);
  AuftaktSession *session;

  strict = auftakt_xml_read_schedule (path, event, AUFTAKT_XML_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (strict), ==, 2);
  session = auftakt_schedule_get_session (strict, 0);
  g_assert_cmpstr (auftakt_session_get_workshop (session), ==, "W1");
  g_assert_cmpstr (auftakt_session_get_round (session), ==, "R1");
  g_assert_cmpstr (auftakt_session_get_room (session), ==, "M1");
  g_assert_true (auftakt_session_get_locked (session));
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 2);
  g_assert_cmpstr (auftakt_session_get_attendance (session, 0)->participant, ==, "P1");
  g_assert_true (auftakt_session_get_attendance (session, 0)->locked);
  g_assert_false (auftakt_session_get_attendance (session, 1)->locked);
  session = auftakt_schedule_get_session (strict, 1);
  g_assert_false (auftakt_session_get_locked (session));
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 1);

  lenient = auftakt_xml_read_schedule (path, NULL, AUFTAKT_XML_READ_LENIENT, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_schedules_equal (strict, lenient);

  g_assert_true (auftakt_xml_write_schedule (strict, written, &error));
  g_assert_no_error (error);
  again = auftakt_xml_read_schedule (written, event, AUFTAKT_XML_READ_STRICT, NULL, &error);
  g_assert_no_error (error);
  assert_schedules_equal (strict, again);

  remove_tmp_dir (tmp);
}

static void
test_schedule_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("schedule-bad.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AuftaktSchedule) schedule = NULL;
  AuftaktSession *session;
  const int lines[] = { 8, 9, 11 };

  schedule = auftakt_xml_read_schedule (path, NULL, AUFTAKT_XML_READ_LENIENT, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  /* kept as written: duplicates, unknown ids, missing attributes */
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (schedule), ==, 3);
  session = auftakt_schedule_get_session (schedule, 0);
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 2);
  g_assert_cmpstr (auftakt_session_get_attendance (session, 1)->participant, ==, "P1");
  session = auftakt_schedule_get_session (schedule, 1);
  g_assert_cmpstr (auftakt_session_get_attendance (session, 0)->participant, ==, "P9");
  session = auftakt_schedule_get_session (schedule, 2);
  g_assert_cmpstr (auftakt_session_get_round (session), ==, "R3");
  g_assert_null (auftakt_session_get_room (session));

  /* what check.py calls a format problem */
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, lines[i]);

      g_test_message ("%s", (char *) problems->pdata[i]);
      g_assert_true (g_str_has_prefix (problems->pdata[i], prefix));
    }
  g_assert_nonnull (strstr (problems->pdata[0], "<guest>"));
  g_assert_nonnull (strstr (problems->pdata[1], "participant"));
  g_assert_nonnull (strstr (problems->pdata[2], "<break>"));

  /* problems may be NULL */
  g_clear_object (&schedule);
  schedule = auftakt_xml_read_schedule (path, NULL, AUFTAKT_XML_READ_LENIENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
}

static void
test_schedule_strict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktEvent) event = read_small_event ();
  g_autofree char *path = data_path ("schedule-bad.xml");
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_auto(GStrv) lines = NULL;
  const struct { int line; const char *text; } expected[] = {
    { 6, "participant “P1” is listed twice" },
    { 8, "<guest>" },
    { 9, "participant" },
    { 11, "<break>" },
    { 12, "second session in round “R1” (the first is on line 4)" },
    { 13, "participant=“P9”" },
    { 15, "round=“R3”" },
    { 15, "room" },
  };

  schedule = auftakt_xml_read_schedule (path, event, AUFTAKT_XML_READ_STRICT, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, expected[i].line);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_nonnull (strstr (lines[i], expected[i].text));
    }
}

static void
test_schedule_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version2 = data_path ("schedule-version-2.xml");
  g_autofree char *event_file = data_path ("small-event.xml");
  g_autofree char *malformed = data_path ("malformed.xml");
  AuftaktSchedule *schedule;

  schedule = auftakt_xml_read_schedule (version2, NULL, AUFTAKT_XML_READ_LENIENT, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_ROOT);
  g_clear_error (&error);

  schedule = auftakt_xml_read_schedule (event_file, NULL, AUFTAKT_XML_READ_LENIENT, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_ROOT);
  g_assert_nonnull (strstr (error->message, "expected <schedule>"));
  g_clear_error (&error);

  schedule = auftakt_xml_read_schedule (malformed, NULL, AUFTAKT_XML_READ_LENIENT, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED);
}

static void
test_write_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktEvent) event = make_full_event ();
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "event.xml", NULL);
  g_autofree char *in_missing_dir = g_build_filename (tmp, "no-such-dir", "event.xml", NULL);
  g_autofree char *a_dir = g_build_filename (tmp, "a-dir", NULL);
  g_autofree char *text = NULL;

  /* replaces an existing file */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (auftakt_xml_write_event (event, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_cmpuint (count_dir_entries (tmp), ==, 1);

  g_assert_false (auftakt_xml_write_event (event, in_missing_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a failed rename leaves no temporary file behind */
  g_assert_cmpint (g_mkdir (a_dir, 0700), ==, 0);
  g_assert_false (auftakt_xml_write_schedule (schedule, a_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_dir_entries (tmp), ==, 2);
  g_assert_cmpint (g_rmdir (a_dir), ==, 0);

  remove_tmp_dir (tmp);
}

static gpointer
read_all (gpointer data)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (data, &text, NULL, NULL));
  return text;
}

/* -o /dev/stdout, or a link: what the path names is written, not replaced. */
static void
test_write_through (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *file = g_build_filename (tmp, "file.xml", NULL);
  g_autofree char *link = g_build_filename (tmp, "link.xml", NULL);
  g_autofree char *fifo = g_build_filename (tmp, "fifo.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *piped = NULL;
  GThread *reader;

  /* through a symbolic link, the file it names */
  g_assert_true (g_file_set_contents (file, "old", -1, NULL));
  g_assert_cmpint (symlink ("file.xml", link), ==, 0);
  g_assert_true (auftakt_xml_write_schedule (schedule, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));

  /* a pipe stays a pipe and gets the text */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("reader", read_all, fifo);
  g_assert_true (auftakt_xml_write_schedule (schedule, fifo, &error));
  g_assert_no_error (error);
  piped = g_thread_join (reader);
  g_assert_cmpstr (piped, ==, text);
  g_assert_false (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_dir_entries (tmp), ==, 3);

  remove_tmp_dir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml/bench-round-trip", test_bench_round_trip);
  g_test_add_func ("/xml/extensions-round-trip", test_extensions_round_trip);
  g_test_add_func ("/xml/xlarge", test_xlarge);
  g_test_add_func ("/xml/demo-round-trip", test_demo_round_trip);
  g_test_add_func ("/xml/defaults-and-order", test_defaults_and_order);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/bad/%s", bad_inputs[i].file);

      g_test_add_data_func (name, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/xml/empty-and-missing", test_empty_and_missing);
  g_test_add_func ("/xml/unavailable-twice", test_unavailable_twice);
  g_test_add_func ("/xml/dtd", test_dtd);
  g_test_add_func ("/xml/encodings", test_encodings);
  g_test_add_func ("/xml/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/xml/many-problems", test_many_problems);
  g_test_add_func ("/xml/schedule/good", test_schedule_good);
  g_test_add_func ("/xml/schedule/lenient", test_schedule_lenient);
  g_test_add_func ("/xml/schedule/strict", test_schedule_strict);
  g_test_add_func ("/xml/schedule/root", test_schedule_root);
  g_test_add_func ("/xml/write-atomic", test_write_atomic);
  g_test_add_func ("/xml/write-through", test_write_through);

  return g_test_run ();
}
