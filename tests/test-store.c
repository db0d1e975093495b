/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "auftakt-store.h"
#include "auftakt-store-private.h"

/* Helpers */

typedef struct {
  char *dir;
  char *path;   /* dir/plan.auftakt, not created */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "plan.auftakt", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *result = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (result, i > 0 ? "|" : (result->len > 0 ? "\n" : ""));
          g_string_append (result, text != NULL ? text : "NULL");
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (result, FALSE);
}

static void
assert_integrity (const char *path)
{
  g_autofree char *result = query_text (path, "PRAGMA integrity_check;");
  g_autofree char *fk = query_text (path, "PRAGMA foreign_key_check;");

  g_assert_cmpstr (result, ==, "ok");
  g_assert_cmpstr (fk, ==, "");
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "store", name, NULL);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

#define assert_strv(actual, ...) \
  G_STMT_START { \
    const char *expected_[] = { __VA_ARGS__, NULL }; \
    assert_strv_equal ((actual), expected_); \
  } G_STMT_END

#define assert_strv_empty(actual) \
  G_STMT_START { \
    const char * const *actual_ = (actual); \
    g_assert_nonnull (actual_); \
    g_assert_null (actual_[0]); \
  } G_STMT_END

static void
assert_strv_equal (const char * const *actual,
                   const char * const *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *e = NULL;

  g_assert_nonnull (actual);
  a = g_strjoinv (",", (char **) actual);
  e = g_strjoinv (",", (char **) expected);
  g_assert_cmpstr (a, ==, e);
  g_assert_cmpuint (g_strv_length ((char **) actual), ==, g_strv_length ((char **) expected));
}

/* A rich event: every field set, NULL and "" told apart, odd orders. */

static void
add_item (GListStore *store,
          gpointer    item)
{
  g_list_store_append (store, item);
  g_object_unref (item);
}

static AuftaktEvent *
build_rich_event (void)
{
  AuftaktEvent *event = auftakt_event_new ("kickoff");
  AuftaktSchedule *schedule = auftakt_schedule_new ();
  AuftaktRound *round;
  AuftaktRoom *room;
  AuftaktCluster *cluster;
  AuftaktReferee *referee;
  AuftaktWorkshop *workshop;
  AuftaktParticipant *participant;
  AuftaktAgendaItem *item;
  AuftaktSession *session;

  auftakt_event_set_title (event, "Digitale Kommune Potsdam");
  auftakt_event_set_date (event, "2018-03-15");
  auftakt_event_set_venue (event, "");
  auftakt_event_set_description (event, NULL);
  auftakt_event_set_workshops_per_participant (event, 3);
  auftakt_event_set_unranked_cost (event, 77);

  round = auftakt_round_new ("R1");
  auftakt_round_set_title (round, "Erste Runde");
  auftakt_round_set_start (round, 780);
  auftakt_round_set_end (round, 870);
  add_item (auftakt_event_get_rounds (event), round);
  round = auftakt_round_new ("R2");
  add_item (auftakt_event_get_rounds (event), round);
  round = auftakt_round_new ("R3");
  auftakt_round_set_title (round, "");
  auftakt_round_set_start (round, 0);
  auftakt_round_set_end (round, 60);
  add_item (auftakt_event_get_rounds (event), round);

  room = auftakt_room_new ("M8");
  auftakt_room_set_name (room, "Workshop-Raum M8");
  auftakt_room_set_capacity (room, 40);
  auftakt_room_set_description (room, "");
  auftakt_room_set_unavailable (room, (const char *[]) { "R2", NULL });
  add_item (auftakt_event_get_rooms (event), room);
  room = auftakt_room_new ("M9");
  auftakt_room_set_capacity (room, 0);
  auftakt_room_set_description (room, "Nebenraum");
  auftakt_room_set_unavailable (room, (const char *[]) { "R3", "R1", NULL });
  add_item (auftakt_event_get_rooms (event), room);
  room = auftakt_room_new ("Aula");
  auftakt_room_set_name (room, "");
  auftakt_room_set_capacity (room, -1);
  add_item (auftakt_event_get_rooms (event), room);

  cluster = auftakt_cluster_new ("C2");
  auftakt_cluster_set_title (cluster, "Smart City");
  auftakt_cluster_set_colour (cluster, "#3584e4");
  add_item (auftakt_event_get_clusters (event), cluster);
  cluster = auftakt_cluster_new ("C1");
  auftakt_cluster_set_title (cluster, "");
  auftakt_cluster_set_description (cluster, "Digitale Verwaltung");
  add_item (auftakt_event_get_clusters (event), cluster);

  referee = auftakt_referee_new ("F1");
  auftakt_referee_set_name (referee, "Anika Beispiel");
  auftakt_referee_set_organisation (referee, "Stadt Potsdam");
  auftakt_referee_set_role (referee, "");
  auftakt_referee_set_unavailable (referee, (const char *[]) { "R1", NULL });
  add_item (auftakt_event_get_referees (event), referee);
  referee = auftakt_referee_new ("F2");
  auftakt_referee_set_role (referee, "Moderation");
  auftakt_referee_set_email (referee, "f2@example.org");
  add_item (auftakt_event_get_referees (event), referee);
  referee = auftakt_referee_new ("F3");
  auftakt_referee_set_name (referee, "");
  auftakt_referee_set_organisation (referee, "");
  auftakt_referee_set_email (referee, "");
  add_item (auftakt_event_get_referees (event), referee);

  workshop = auftakt_workshop_new ("WS1");
  auftakt_workshop_set_title (workshop, "Verwaltung");
  auftakt_workshop_set_description (workshop, "Ämter im Netz");
  auftakt_workshop_set_cluster (workshop, "C1");
  auftakt_workshop_set_min (workshop, 5);
  auftakt_workshop_set_max (workshop, 30);
  auftakt_workshop_set_max_runs (workshop, 2);
  auftakt_workshop_set_leads (workshop, (const char *[]) { "F2", "F1", NULL });
  auftakt_workshop_set_unavailable (workshop, (const char *[]) { "R3", NULL });
  add_item (auftakt_event_get_workshops (event), workshop);
  workshop = auftakt_workshop_new ("WS2");
  auftakt_workshop_set_description (workshop, "");
  auftakt_workshop_set_min (workshop, 0);
  add_item (auftakt_event_get_workshops (event), workshop);
  workshop = auftakt_workshop_new ("WS3");
  auftakt_workshop_set_title (workshop, "");
  auftakt_workshop_set_cluster (workshop, "C2");
  auftakt_workshop_set_min (workshop, -1);
  auftakt_workshop_set_max (workshop, 0);
  auftakt_workshop_set_max_runs (workshop, 0);
  auftakt_workshop_set_leads (workshop, (const char *[]) { "F3", NULL });
  add_item (auftakt_event_get_workshops (event), workshop);

  participant = auftakt_participant_new ("P1");
  auftakt_participant_set_name (participant, "Max Mustermann");
  auftakt_participant_set_organisation (participant, "");
  auftakt_participant_set_choices (participant, (const char *[]) { "WS3", "WS1", NULL });
  auftakt_participant_set_unavailable (participant, (const char *[]) { "R3", NULL });
  add_item (auftakt_event_get_participants (event), participant);
  participant = auftakt_participant_new ("P2");
  auftakt_participant_set_email (participant, "p2@example.org");
  add_item (auftakt_event_get_participants (event), participant);
  participant = auftakt_participant_new ("P3");
  auftakt_participant_set_name (participant, "");
  auftakt_participant_set_email (participant, "");
  auftakt_participant_set_choices (participant, (const char *[]) { "WS1", "WS2", "WS3", NULL });
  auftakt_participant_set_unavailable (participant, (const char *[]) { "R2", "R1", NULL });
  add_item (auftakt_event_get_participants (event), participant);
  participant = auftakt_participant_new ("P4");
  auftakt_participant_set_choices (participant, (const char *[]) { "WS2", NULL });
  add_item (auftakt_event_get_participants (event), participant);

  item = auftakt_agenda_item_new ("A1");
  auftakt_agenda_item_set_number (item, "1");
  auftakt_agenda_item_set_title (item, "Begrüßung");
  auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_OPENING);
  auftakt_agenda_item_set_start (item, 540);
  auftakt_agenda_item_set_end (item, 570);
  auftakt_agenda_item_set_room (item, "M8");
  auftakt_agenda_item_set_speakers (item, (const char *[]) { "F1", "F3", NULL });
  auftakt_agenda_item_set_description (item, "");
  add_item (auftakt_event_get_agenda (event), item);
  item = auftakt_agenda_item_new ("A2");
  auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_WORKSHOPS);
  auftakt_agenda_item_set_round (item, "R1");
  add_item (auftakt_event_get_agenda (event), item);
  item = auftakt_agenda_item_new ("A3");
  auftakt_agenda_item_set_number (item, "");
  auftakt_agenda_item_set_title (item, "");
  auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_DISCUSSION);
  auftakt_agenda_item_set_start (item, 0);
  auftakt_agenda_item_set_end (item, 0);
  auftakt_agenda_item_set_room (item, "M9");
  auftakt_agenda_item_set_round (item, "R2");
  auftakt_agenda_item_set_speakers (item, (const char *[]) { "F2", NULL });
  auftakt_agenda_item_set_description (item, "Mit allen Referenten");
  add_item (auftakt_event_get_agenda (event), item);

  session = auftakt_session_new ("WS1", "R1", "M8");
  auftakt_session_set_locked (session, TRUE);
  auftakt_session_add_attendee (session, "P3", FALSE);
  auftakt_session_add_attendee (session, "P1", TRUE);
  auftakt_schedule_add_session (schedule, session);
  g_object_unref (session);
  session = auftakt_session_new ("WS3", "R2", "M9");
  auftakt_session_add_attendee (session, "P1", FALSE);
  auftakt_session_add_attendee (session, "P3", TRUE);
  /* the model keeps a repeated attendee for check to report; so does the plan */
  auftakt_session_add_attendee (session, "P4", FALSE);
  auftakt_session_add_attendee (session, "P4", TRUE);
  auftakt_schedule_add_session (schedule, session);
  g_object_unref (session);
  session = auftakt_session_new ("WS2", "R1", NULL);
  auftakt_schedule_add_session (schedule, session);
  g_object_unref (session);

  auftakt_event_set_schedule (event, schedule);
  g_object_unref (schedule);

  return event;
}

/* Compares every field of two events. */

static void
assert_same_schedule (AuftaktSchedule *expected,
                      AuftaktSchedule *actual)
{
  guint n = auftakt_schedule_get_n_sessions (expected);

  g_assert_cmpuint (auftakt_schedule_get_n_sessions (actual), ==, n);
  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *e = auftakt_schedule_get_session (expected, i);
      AuftaktSession *a = auftakt_schedule_get_session (actual, i);

      g_assert_cmpstr (auftakt_session_get_workshop (a), ==, auftakt_session_get_workshop (e));
      g_assert_cmpstr (auftakt_session_get_round (a), ==, auftakt_session_get_round (e));
      g_assert_cmpstr (auftakt_session_get_room (a), ==, auftakt_session_get_room (e));
      g_assert_cmpint (auftakt_session_get_locked (a), ==, auftakt_session_get_locked (e));
      g_assert_cmpuint (auftakt_session_get_n_attendees (a), ==,
                        auftakt_session_get_n_attendees (e));
      for (guint j = 0; j < auftakt_session_get_n_attendees (e); j++)
        {
          const AuftaktAttendance *ea = auftakt_session_get_attendance (e, j);
          const AuftaktAttendance *aa = auftakt_session_get_attendance (a, j);

          g_assert_cmpstr (aa->participant, ==, ea->participant);
          g_assert_cmpint (aa->locked, ==, ea->locked);
        }
    }
}

#define FOR_EACH_PAIR(Type, getter, e_event, a_event, body) \
  G_STMT_START { \
    GListModel *e_list_ = G_LIST_MODEL (getter (e_event)); \
    GListModel *a_list_ = G_LIST_MODEL (getter (a_event)); \
    g_assert_cmpuint (g_list_model_get_n_items (a_list_), ==, \
                      g_list_model_get_n_items (e_list_)); \
    for (guint i_ = 0; i_ < g_list_model_get_n_items (e_list_); i_++) \
      { \
        g_autoptr(Type) e = g_list_model_get_item (e_list_, i_); \
        g_autoptr(Type) a = g_list_model_get_item (a_list_, i_); \
        body \
      } \
  } G_STMT_END

static void
assert_same_event (AuftaktEvent *expected,
                   AuftaktEvent *actual)
{
  g_assert_cmpstr (auftakt_event_get_id (actual), ==, auftakt_event_get_id (expected));
  g_assert_cmpstr (auftakt_event_get_title (actual), ==, auftakt_event_get_title (expected));
  g_assert_cmpstr (auftakt_event_get_date (actual), ==, auftakt_event_get_date (expected));
  g_assert_cmpstr (auftakt_event_get_venue (actual), ==, auftakt_event_get_venue (expected));
  g_assert_cmpstr (auftakt_event_get_description (actual), ==,
                   auftakt_event_get_description (expected));
  g_assert_cmpint (auftakt_event_get_workshops_per_participant (actual), ==,
                   auftakt_event_get_workshops_per_participant (expected));
  g_assert_cmpint (auftakt_event_get_unranked_cost (actual), ==,
                   auftakt_event_get_unranked_cost (expected));

  FOR_EACH_PAIR (AuftaktRound, auftakt_event_get_rounds, expected, actual, {
    g_assert_cmpstr (auftakt_round_get_id (a), ==, auftakt_round_get_id (e));
    g_assert_cmpstr (auftakt_round_get_title (a), ==, auftakt_round_get_title (e));
    g_assert_cmpint (auftakt_round_get_start (a), ==, auftakt_round_get_start (e));
    g_assert_cmpint (auftakt_round_get_end (a), ==, auftakt_round_get_end (e));
  });

  FOR_EACH_PAIR (AuftaktRoom, auftakt_event_get_rooms, expected, actual, {
    g_assert_cmpstr (auftakt_room_get_id (a), ==, auftakt_room_get_id (e));
    g_assert_cmpstr (auftakt_room_get_name (a), ==, auftakt_room_get_name (e));
    g_assert_cmpint (auftakt_room_get_capacity (a), ==, auftakt_room_get_capacity (e));
    g_assert_cmpstr (auftakt_room_get_description (a), ==, auftakt_room_get_description (e));
    assert_strv_equal (auftakt_room_get_unavailable (a), auftakt_room_get_unavailable (e));
  });

  FOR_EACH_PAIR (AuftaktCluster, auftakt_event_get_clusters, expected, actual, {
    g_assert_cmpstr (auftakt_cluster_get_id (a), ==, auftakt_cluster_get_id (e));
    g_assert_cmpstr (auftakt_cluster_get_title (a), ==, auftakt_cluster_get_title (e));
    g_assert_cmpstr (auftakt_cluster_get_description (a), ==,
                     auftakt_cluster_get_description (e));
    g_assert_cmpstr (auftakt_cluster_get_colour (a), ==, auftakt_cluster_get_colour (e));
  });

  FOR_EACH_PAIR (AuftaktReferee, auftakt_event_get_referees, expected, actual, {
    g_assert_cmpstr (auftakt_referee_get_id (a), ==, auftakt_referee_get_id (e));
    g_assert_cmpstr (auftakt_referee_get_name (a), ==, auftakt_referee_get_name (e));
    g_assert_cmpstr (auftakt_referee_get_organisation (a), ==,
                     auftakt_referee_get_organisation (e));
    g_assert_cmpstr (auftakt_referee_get_role (a), ==, auftakt_referee_get_role (e));
    g_assert_cmpstr (auftakt_referee_get_email (a), ==, auftakt_referee_get_email (e));
    assert_strv_equal (auftakt_referee_get_unavailable (a), auftakt_referee_get_unavailable (e));
  });

  FOR_EACH_PAIR (AuftaktWorkshop, auftakt_event_get_workshops, expected, actual, {
    g_assert_cmpstr (auftakt_workshop_get_id (a), ==, auftakt_workshop_get_id (e));
    g_assert_cmpstr (auftakt_workshop_get_title (a), ==, auftakt_workshop_get_title (e));
    g_assert_cmpstr (auftakt_workshop_get_description (a), ==,
                     auftakt_workshop_get_description (e));
    g_assert_cmpstr (auftakt_workshop_get_cluster (a), ==, auftakt_workshop_get_cluster (e));
    g_assert_cmpint (auftakt_workshop_get_min (a), ==, auftakt_workshop_get_min (e));
    g_assert_cmpint (auftakt_workshop_get_max (a), ==, auftakt_workshop_get_max (e));
    g_assert_cmpint (auftakt_workshop_get_max_runs (a), ==, auftakt_workshop_get_max_runs (e));
    assert_strv_equal (auftakt_workshop_get_leads (a), auftakt_workshop_get_leads (e));
    assert_strv_equal (auftakt_workshop_get_unavailable (a),
                       auftakt_workshop_get_unavailable (e));
  });

  FOR_EACH_PAIR (AuftaktParticipant, auftakt_event_get_participants, expected, actual, {
    g_assert_cmpstr (auftakt_participant_get_id (a), ==, auftakt_participant_get_id (e));
    g_assert_cmpstr (auftakt_participant_get_name (a), ==, auftakt_participant_get_name (e));
    g_assert_cmpstr (auftakt_participant_get_organisation (a), ==,
                     auftakt_participant_get_organisation (e));
    g_assert_cmpstr (auftakt_participant_get_email (a), ==, auftakt_participant_get_email (e));
    assert_strv_equal (auftakt_participant_get_choices (a), auftakt_participant_get_choices (e));
    assert_strv_equal (auftakt_participant_get_unavailable (a),
                       auftakt_participant_get_unavailable (e));
  });

  FOR_EACH_PAIR (AuftaktAgendaItem, auftakt_event_get_agenda, expected, actual, {
    g_assert_cmpstr (auftakt_agenda_item_get_id (a), ==, auftakt_agenda_item_get_id (e));
    g_assert_cmpstr (auftakt_agenda_item_get_number (a), ==, auftakt_agenda_item_get_number (e));
    g_assert_cmpstr (auftakt_agenda_item_get_title (a), ==, auftakt_agenda_item_get_title (e));
    g_assert_cmpint (auftakt_agenda_item_get_kind (a), ==, auftakt_agenda_item_get_kind (e));
    g_assert_cmpint (auftakt_agenda_item_get_start (a), ==, auftakt_agenda_item_get_start (e));
    g_assert_cmpint (auftakt_agenda_item_get_end (a), ==, auftakt_agenda_item_get_end (e));
    g_assert_cmpstr (auftakt_agenda_item_get_room (a), ==, auftakt_agenda_item_get_room (e));
    g_assert_cmpstr (auftakt_agenda_item_get_round (a), ==, auftakt_agenda_item_get_round (e));
    assert_strv_equal (auftakt_agenda_item_get_speakers (a),
                       auftakt_agenda_item_get_speakers (e));
    g_assert_cmpstr (auftakt_agenda_item_get_description (a), ==,
                     auftakt_agenda_item_get_description (e));
  });

  if (auftakt_event_get_schedule (expected) == NULL)
    g_assert_null (auftakt_event_get_schedule (actual));
  else
    {
      g_assert_nonnull (auftakt_event_get_schedule (actual));
      assert_same_schedule (auftakt_event_get_schedule (expected),
                            auftakt_event_get_schedule (actual));
    }
}

static AuftaktStore *
create_rich_plan (Fixture *fixture)
{
  g_autoptr(AuftaktEvent) event = build_rich_event ();
  g_autoptr(GError) error = NULL;
  AuftaktStore *store;

  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static AuftaktEvent *
load (AuftaktStore *store,
      const char   *event_id)
{
  g_autoptr(GError) error = NULL;
  AuftaktEvent *event = auftakt_store_load_event (store, event_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

/* Tests */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AuftaktEvent) event = build_rich_event ();
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(AuftaktEvent) reopened = NULL;
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (auftakt_store_get_path (store), ==, fixture->path);
  g_assert_cmpstr (auftakt_event_get_id (event), ==, "kickoff");

  /* only the plan itself: no temporary file, no journal */
  contents = list_dir (fixture->dir);
  g_assert_cmpstr (contents, ==, "plan.auftakt");

  loaded = load (store, "kickoff");
  assert_same_event (event, loaded);
  g_clear_object (&store);

  /* and through a fresh connection */
  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  reopened = load (store, NULL);
  assert_same_event (event, reopened);

  /* what the plan holds, as SQL sees it */
  g_clear_pointer (&contents, g_free);
  contents = query_text (fixture->path,
                         "PRAGMA application_id; ");
  g_assert_cmpstr (contents, ==, "1098212980");
  g_clear_pointer (&contents, g_free);
  contents = query_text (fixture->path, "PRAGMA journal_mode;");
  g_assert_cmpstr (contents, ==, "delete");
  g_clear_pointer (&contents, g_free);
  contents = query_text (fixture->path,
                         "SELECT name, organisation, email FROM participants ORDER BY position;");
  g_assert_cmpstr (contents, ==,
                   "Max Mustermann||NULL\n"
                   "NULL|NULL|p2@example.org\n"
                   "|NULL|\n"
                   "NULL|NULL|NULL");
  assert_integrity (fixture->path);
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktSchedule) empty = auftakt_schedule_new ();
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(AuftaktSession) session = auftakt_session_new ("WS2", "R3", "Aula");
  g_autoptr(GError) error = NULL;
  AuftaktEvent *event;

  /* an empty schedule is a schedule, not none */
  g_assert_true (auftakt_store_save_schedule (store, "kickoff", empty, &error));
  g_assert_no_error (error);
  event = load (store, "kickoff");
  g_assert_nonnull (auftakt_event_get_schedule (event));
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (auftakt_event_get_schedule (event)), ==, 0);
  g_object_unref (event);

  g_assert_true (auftakt_store_save_schedule (store, "kickoff", NULL, &error));
  g_assert_no_error (error);
  event = load (store, "kickoff");
  g_assert_null (auftakt_event_get_schedule (event));
  g_object_unref (event);

  auftakt_session_add_attendee (session, "P2", TRUE);
  auftakt_schedule_add_session (schedule, session);
  g_assert_true (auftakt_store_save_schedule (store, "kickoff", schedule, &error));
  g_assert_no_error (error);
  event = load (store, "kickoff");
  assert_same_schedule (schedule, auftakt_event_get_schedule (event));
  g_object_unref (event);

  g_assert_false (auftakt_store_save_schedule (store, "nope", schedule, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  assert_integrity (fixture->path);
}

static void
test_create_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *id = NULL;

  store = auftakt_store_create (fixture->path, FALSE, NULL, &error);
  g_assert_no_error (error);

  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  id = auftakt_store_resolve_event (store, NULL, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_assert_null (id);
  g_clear_error (&error);

  g_assert_null (auftakt_store_load_event (store, NULL, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_clear_error (&error);
  g_clear_object (&store);

  /* an empty plan is a plan */
  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktEvent) event = build_rich_event ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *base = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "my notes\n", -1, NULL));
  before = read_bytes (fixture->path);

  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_EXISTS);
  g_assert_null (store);
  base = g_path_get_basename (fixture->path);
  g_assert_nonnull (strstr (error->message, base));
  g_clear_error (&error);
  assert_file_unchanged (fixture->path, before);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "plan.auftakt");

  /* replace = TRUE replaces */
  store = auftakt_store_create (fixture->path, TRUE, event, &error);
  g_assert_no_error (error);
  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ids[0], ==, "kickoff");
  g_clear_pointer (&names, g_free);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "plan.auftakt");
}

/* Replacing goes through a link to the plan it names, and never replaces
 * a pipe or a device (/dev/null, for root). */
static void
test_create_replaces_through (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktEvent) event = build_rich_event ();
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_build_filename (fixture->dir, "link.auftakt", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo.auftakt", NULL);
  g_autofree char *names = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "old", -1, NULL));
  g_assert_cmpint (symlink ("plan.auftakt", link), ==, 0);
  store = auftakt_store_create (link, TRUE, event, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ids[0], ==, "kickoff");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_clear_object (&store);
  store = auftakt_store_create (fifo, TRUE, event, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO);
  g_assert_null (store);
  g_assert_false (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "fifo.auftakt link.auftakt plan.auftakt");
}

static void
test_create_failure_leaves_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktEvent) event = build_rich_event ();
  g_autoptr(AuftaktWorkshop) workshop = auftakt_workshop_new ("WS9");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  /* a workshop in a cluster the event does not have */
  auftakt_workshop_set_cluster (workshop, "C9");
  g_list_store_append (auftakt_event_get_workshops (event), workshop);

  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "WS9"));
  g_assert_nonnull (strstr (error->message, "C9"));
  g_assert_null (store);
  g_clear_error (&error);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");

  /* replacing with a broken event keeps the old file */
  g_assert_true (g_file_set_contents (fixture->path, "old", -1, NULL));
  before = read_bytes (fixture->path);
  store = auftakt_store_create (fixture->path, TRUE, event, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_assert_null (store);
  assert_file_unchanged (fixture->path, before);
  g_clear_pointer (&names, g_free);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "plan.auftakt");
}

static void
test_invalid_items (Fixture       *fixture,
                    gconstpointer  data)
{
  struct {
    const char *what;
    AuftaktStoreError code;
  } cases[] = {
    { "duplicate-room", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-lead", AUFTAKT_STORE_ERROR_INVALID },
    { "duplicate-choice", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-choice", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-unavailable", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-speaker", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-agenda-room", AUFTAKT_STORE_ERROR_INVALID },
    { "unknown-session-round", AUFTAKT_STORE_ERROR_INVALID },
    { "empty-id", AUFTAKT_STORE_ERROR_INVALID },
  };
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  store = auftakt_store_create (fixture->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  before = read_bytes (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AuftaktEvent) event = build_rich_event ();
      const char *what = cases[i].what;
      const char *needle = NULL;

      if (g_str_equal (what, "duplicate-room"))
        {
          add_item (auftakt_event_get_rooms (event), auftakt_room_new ("M9"));
          needle = "M9";
        }
      else if (g_str_equal (what, "unknown-lead"))
        {
          AuftaktWorkshop *workshop = auftakt_event_find_workshop (event, "WS2");

          auftakt_workshop_set_leads (workshop, (const char *[]) { "F1", "F7", NULL });
          needle = "F7";
        }
      else if (g_str_equal (what, "duplicate-choice"))
        {
          AuftaktParticipant *p = auftakt_event_find_participant (event, "P2");

          auftakt_participant_set_choices (p, (const char *[]) { "WS1", "WS2", "WS1", NULL });
          needle = "twice";
        }
      else if (g_str_equal (what, "unknown-choice"))
        {
          AuftaktParticipant *p = auftakt_event_find_participant (event, "P2");

          auftakt_participant_set_choices (p, (const char *[]) { "WS8", NULL });
          needle = "WS8";
        }
      else if (g_str_equal (what, "unknown-unavailable"))
        {
          AuftaktReferee *referee = auftakt_event_find_referee (event, "F2");

          auftakt_referee_set_unavailable (referee, (const char *[]) { "R9", NULL });
          needle = "R9";
        }
      else if (g_str_equal (what, "unknown-speaker"))
        {
          AuftaktAgendaItem *item = auftakt_event_find_agenda_item (event, "A2");

          auftakt_agenda_item_set_speakers (item, (const char *[]) { "Frau X", NULL });
          needle = "Frau X";
        }
      else if (g_str_equal (what, "unknown-agenda-room"))
        {
          AuftaktAgendaItem *item = auftakt_event_find_agenda_item (event, "A2");

          auftakt_agenda_item_set_room (item, "Keller");
          needle = "Keller";
        }
      else if (g_str_equal (what, "unknown-session-round"))
        {
          AuftaktSchedule *schedule = auftakt_event_get_schedule (event);
          g_autoptr(AuftaktSession) session = auftakt_session_new ("WS1", "R5", "M8");

          auftakt_schedule_add_session (schedule, session);
          needle = "R5";
        }
      else if (g_str_equal (what, "empty-id"))
        {
          add_item (auftakt_event_get_rounds (event), auftakt_round_new (""));
          needle = "no id";
        }

      g_assert_false (auftakt_store_add_event (store, event, &error));
      g_assert_error (error, AUFTAKT_STORE_ERROR, (int) cases[i].code);
      g_test_message ("%s: %s", what, error->message);
      g_assert_nonnull (strstr (error->message, needle));
      g_clear_error (&error);

      /* nothing was written, and the event keeps its id */
      g_assert_cmpstr (auftakt_event_get_id (event), ==, "kickoff");
      assert_file_unchanged (fixture->path, before);
    }
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktEvent) second = build_rich_event ();
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(AuftaktEvent) original = build_rich_event ();
  g_autoptr(AuftaktSession) session = auftakt_session_new ("WS2", "R2", "M8");
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(AuftaktWorkshop) workshop = auftakt_workshop_new ("WS1");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  before = read_bytes (fixture->path);

  /* The last row of a big write fails: an attendee who is not in the event.
   * By then the event, all its items and most of the schedule are written. */
  auftakt_session_add_attendee (session, "P1", FALSE);
  auftakt_session_add_attendee (session, "Unbekannt", FALSE);
  auftakt_schedule_add_session (auftakt_event_get_schedule (second), session);
  auftakt_event_set_id (second, "second");

  g_assert_false (auftakt_store_add_event (store, second, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Unbekannt"));
  g_clear_error (&error);
  assert_file_unchanged (fixture->path, before);

  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);

  /* the same in replace_event: the old content must survive */
  auftakt_event_set_id (second, "kickoff");
  g_assert_false (auftakt_store_replace_event (store, second, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_file_unchanged (fixture->path, before);

  /* and in save_schedule, after the old sessions were deleted */
  auftakt_schedule_add_session (schedule, session);
  g_assert_false (auftakt_store_save_schedule (store, "kickoff", schedule, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_file_unchanged (fixture->path, before);

  /* and in save_item, after the workshop's row was updated */
  auftakt_workshop_set_title (workshop, "Neu");
  auftakt_workshop_set_leads (workshop, (const char *[]) { "F1", "F99", NULL });
  g_assert_false (auftakt_store_save_item (store, "kickoff", G_OBJECT (workshop), &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F99"));
  g_clear_error (&error);
  assert_file_unchanged (fixture->path, before);

  loaded = load (store, "kickoff");
  assert_same_event (original, loaded);
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktEvent) a = auftakt_event_new (NULL);
  g_autoptr(AuftaktEvent) b = auftakt_event_new ("kickoff");
  g_autoptr(AuftaktEvent) c = auftakt_event_new (NULL);
  g_autoptr(AuftaktEvent) d = auftakt_event_new (NULL);
  g_autoptr(AuftaktEvent) e = auftakt_event_new ("");
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(AuftaktEvent) replacement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *id = NULL;

  id = auftakt_store_resolve_event (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "kickoff");
  g_clear_pointer (&id, g_free);

  auftakt_event_set_title (a, "Digitale Kommune Potsdam");
  g_assert_true (auftakt_store_add_event (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (a), ==, "digitale-kommune-potsdam");

  /* a taken id: one from the title, with a number on collision */
  auftakt_event_set_title (b, "Digitale Kommune – Potsdam!");
  g_assert_true (auftakt_store_add_event (store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (b), ==, "digitale-kommune-potsdam-2");

  g_assert_true (auftakt_store_add_event (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (c), ==, "event");

  auftakt_event_set_title (d, "  Bürgerforum Köln: Straßen & Plätze ");
  g_assert_true (auftakt_store_add_event (store, d, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (d), ==, "buergerforum-koeln-strassen-plaetze");

  auftakt_event_set_title (e, "---");
  g_assert_true (auftakt_store_add_event (store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (e), ==, "event-2");

  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) ids, "kickoff", "digitale-kommune-potsdam",
               "digitale-kommune-potsdam-2", "event", "buergerforum-koeln-strassen-plaetze",
               "event-2");
  g_clear_pointer (&ids, g_strfreev);

  id = auftakt_store_resolve_event (store, NULL, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_AMBIGUOUS);
  g_assert_null (id);
  g_assert_nonnull (strstr (error->message,
                            "kickoff, digitale-kommune-potsdam, digitale-kommune-potsdam-2"));
  g_clear_error (&error);

  g_assert_null (auftakt_store_load_event (store, NULL, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  id = auftakt_store_resolve_event (store, "nope", &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  id = auftakt_store_resolve_event (store, "event", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "event");
  g_clear_pointer (&id, g_free);

  /* each event is its own: same item ids in two events do not clash */
  loaded = load (store, "digitale-kommune-potsdam-2");
  assert_same_event (b, loaded);
  g_clear_object (&loaded);
  loaded = load (store, "kickoff");
  g_assert_cmpuint (n_items (auftakt_event_get_participants (loaded)), ==, 4);
  g_clear_object (&loaded);

  replacement = build_rich_event ();
  auftakt_event_set_id (replacement, "event");
  auftakt_event_set_title (replacement, NULL);
  g_assert_true (auftakt_store_add_event (store, replacement, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (auftakt_event_get_id (replacement), ==, "event-3");

  /* replace: same place, new content */
  auftakt_event_set_id (replacement, "digitale-kommune-potsdam");
  auftakt_event_set_title (replacement, "Ersetzt");
  g_assert_true (auftakt_store_replace_event (store, replacement, &error));
  g_assert_no_error (error);
  loaded = load (store, "digitale-kommune-potsdam");
  assert_same_event (replacement, loaded);
  g_clear_object (&loaded);

  auftakt_event_set_id (replacement, "nope");
  g_assert_false (auftakt_store_replace_event (store, replacement, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_clear_error (&error);

  /* remove: its items go with it, the others stay */
  g_assert_true (auftakt_store_remove_event (store, "kickoff", &error));
  g_assert_no_error (error);
  g_assert_false (auftakt_store_remove_event (store, "kickoff", &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_clear_error (&error);

  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) ids, "digitale-kommune-potsdam",
               "digitale-kommune-potsdam-2", "event", "buergerforum-koeln-strassen-plaetze",
               "event-2", "event-3");
  g_clear_pointer (&ids, g_strfreev);

  {
    g_autofree char *count = query_text (fixture->path,
                                         "SELECT count(*) FROM participants"
                                         " WHERE event_id = 'kickoff';");

    g_assert_cmpstr (count, ==, "0");
  }

  loaded = load (store, "event-3");
  auftakt_event_set_id (replacement, "event-3");
  auftakt_event_set_title (replacement, NULL);
  assert_same_event (replacement, loaded);
  assert_integrity (fixture->path);
}

static void
test_save_event_properties (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktEvent) expected = build_rich_event ();
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(AuftaktEvent) edited = auftakt_event_new ("kickoff");
  g_autoptr(GError) error = NULL;

  auftakt_event_set_title (edited, "");
  auftakt_event_set_date (edited, NULL);
  auftakt_event_set_venue (edited, "Altes Rathaus");
  auftakt_event_set_description (edited, "Auftakt");
  auftakt_event_set_workshops_per_participant (edited, 1);
  auftakt_event_set_unranked_cost (edited, 0);
  g_assert_true (auftakt_store_save_event_properties (store, edited, &error));
  g_assert_no_error (error);

  /* only the event's own fields change; its lists stay */
  auftakt_event_set_title (expected, "");
  auftakt_event_set_date (expected, NULL);
  auftakt_event_set_venue (expected, "Altes Rathaus");
  auftakt_event_set_description (expected, "Auftakt");
  auftakt_event_set_workshops_per_participant (expected, 1);
  auftakt_event_set_unranked_cost (expected, 0);
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);

  auftakt_event_set_id (edited, "nope");
  g_assert_false (auftakt_store_save_event_properties (store, edited, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
}

static void
save_item (AuftaktStore *store,
           gpointer      item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (auftakt_store_save_item (store, "kickoff", item, &error));
  g_assert_no_error (error);
}

static void
delete_item (AuftaktStore *store,
             GType         type,
             const char   *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (auftakt_store_delete_item (store, "kickoff", type, id, &error));
  g_assert_no_error (error);
}

static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktEvent) expected = build_rich_event ();
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktSchedule *schedule;

  /* new items of every kind go last, with their lists */
  {
    g_autoptr(AuftaktRound) round = auftakt_round_new ("R4");
    g_autoptr(AuftaktRoom) room = auftakt_room_new ("M10");
    g_autoptr(AuftaktCluster) cluster = auftakt_cluster_new ("C3");
    g_autoptr(AuftaktReferee) referee = auftakt_referee_new ("F4");
    g_autoptr(AuftaktWorkshop) workshop = auftakt_workshop_new ("WS4");
    g_autoptr(AuftaktParticipant) participant = auftakt_participant_new ("P5");
    g_autoptr(AuftaktAgendaItem) item = auftakt_agenda_item_new ("A4");

    auftakt_round_set_start (round, 1000);
    auftakt_room_set_unavailable (room, (const char *[]) { "R4", "R1", NULL });
    auftakt_cluster_set_colour (cluster, "");
    auftakt_referee_set_unavailable (referee, (const char *[]) { "R4", NULL });
    auftakt_workshop_set_cluster (workshop, "C3");
    auftakt_workshop_set_leads (workshop, (const char *[]) { "F4", "F1", NULL });
    auftakt_workshop_set_unavailable (workshop, (const char *[]) { "R1", NULL });
    auftakt_participant_set_choices (participant, (const char *[]) { "WS4", "WS1", NULL });
    auftakt_participant_set_unavailable (participant, (const char *[]) { "R2", NULL });
    auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_RESULTS);
    auftakt_agenda_item_set_room (item, "M10");
    auftakt_agenda_item_set_round (item, "R4");
    auftakt_agenda_item_set_speakers (item, (const char *[]) { "F4", NULL });

    /* in reference order, as the window would create them */
    save_item (store, round);
    save_item (store, room);
    save_item (store, cluster);
    save_item (store, referee);
    save_item (store, workshop);
    save_item (store, participant);
    save_item (store, item);

    g_list_store_append (auftakt_event_get_rounds (expected), round);
    g_list_store_append (auftakt_event_get_rooms (expected), room);
    g_list_store_append (auftakt_event_get_clusters (expected), cluster);
    g_list_store_append (auftakt_event_get_referees (expected), referee);
    g_list_store_append (auftakt_event_get_workshops (expected), workshop);
    g_list_store_append (auftakt_event_get_participants (expected), participant);
    g_list_store_append (auftakt_event_get_agenda (expected), item);
  }
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);
  g_clear_object (&loaded);

  /* updates keep the position and whatever refers to the item */
  {
    AuftaktRoom *room = auftakt_event_find_room (expected, "M8");
    AuftaktWorkshop *workshop = auftakt_event_find_workshop (expected, "WS1");
    AuftaktParticipant *participant = auftakt_event_find_participant (expected, "P1");
    AuftaktAgendaItem *item = auftakt_event_find_agenda_item (expected, "A1");
    AuftaktRound *round = auftakt_event_find_round (expected, "R1");
    AuftaktCluster *cluster = auftakt_event_find_cluster (expected, "C1");
    AuftaktReferee *referee = auftakt_event_find_referee (expected, "F2");

    auftakt_room_set_name (room, NULL);
    auftakt_room_set_capacity (room, 12);
    auftakt_room_set_unavailable (room, NULL);
    auftakt_workshop_set_title (workshop, "Verwaltung digital");
    auftakt_workshop_set_max (workshop, -1);
    auftakt_workshop_set_leads (workshop, (const char *[]) { "F1", NULL });
    auftakt_participant_set_choices (participant, (const char *[]) { "WS1", "WS2", NULL });
    auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_TALK);
    auftakt_agenda_item_set_speakers (item, (const char *[]) { "F3", "F2", "F1", NULL });
    auftakt_round_set_end (round, -1);
    auftakt_cluster_set_title (cluster, NULL);
    auftakt_referee_set_unavailable (referee, (const char *[]) { "R3", "R2", NULL });

    save_item (store, room);
    save_item (store, workshop);
    save_item (store, participant);
    save_item (store, item);
    save_item (store, round);
    save_item (store, cluster);
    save_item (store, referee);
  }
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);
  g_clear_object (&loaded);

  /* Deletions take what depends on the item along. */
  delete_item (store, AUFTAKT_TYPE_WORKSHOP, "WS1");
  {
    AuftaktParticipant *p1 = auftakt_event_find_participant (expected, "P1");
    AuftaktParticipant *p3 = auftakt_event_find_participant (expected, "P3");
    AuftaktParticipant *p5 = auftakt_event_find_participant (expected, "P5");
    guint position;

    g_assert_true (g_list_store_find (auftakt_event_get_workshops (expected),
                                      auftakt_event_find_workshop (expected, "WS1"), &position));
    g_list_store_remove (auftakt_event_get_workshops (expected), position);
    /* the remaining choices move up */
    auftakt_participant_set_choices (p1, (const char *[]) { "WS2", NULL });
    auftakt_participant_set_choices (p3, (const char *[]) { "WS2", "WS3", NULL });
    auftakt_participant_set_choices (p5, (const char *[]) { "WS4", NULL });
    schedule = auftakt_event_get_schedule (expected);
    auftakt_schedule_remove_session (schedule, auftakt_schedule_get_session (schedule, 0));
  }
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);
  g_clear_object (&loaded);

  /* a cluster's workshops and a room's agenda items stay, without it */
  delete_item (store, AUFTAKT_TYPE_CLUSTER, "C2");
  delete_item (store, AUFTAKT_TYPE_ROOM, "M9");
  delete_item (store, AUFTAKT_TYPE_ROUND, "R2");
  {
    guint position;
    AuftaktAgendaItem *a3 = auftakt_event_find_agenda_item (expected, "A3");

    g_list_store_find (auftakt_event_get_clusters (expected),
                       auftakt_event_find_cluster (expected, "C2"), &position);
    g_list_store_remove (auftakt_event_get_clusters (expected), position);
    auftakt_workshop_set_cluster (auftakt_event_find_workshop (expected, "WS3"), NULL);

    g_list_store_find (auftakt_event_get_rooms (expected),
                       auftakt_event_find_room (expected, "M9"), &position);
    g_list_store_remove (auftakt_event_get_rooms (expected), position);
    auftakt_agenda_item_set_room (a3, NULL);
    /* the session WS3/R2/M9 goes with its room */
    auftakt_schedule_remove_session (schedule, auftakt_schedule_get_session (schedule, 0));

    g_list_store_find (auftakt_event_get_rounds (expected),
                       auftakt_event_find_round (expected, "R2"), &position);
    g_list_store_remove (auftakt_event_get_rounds (expected), position);
    auftakt_agenda_item_set_round (a3, NULL);
    auftakt_referee_set_unavailable (auftakt_event_find_referee (expected, "F2"),
                                     (const char *[]) { "R3", NULL });
    auftakt_participant_set_unavailable (auftakt_event_find_participant (expected, "P3"),
                                         (const char *[]) { "R1", NULL });
    auftakt_participant_set_unavailable (auftakt_event_find_participant (expected, "P5"),
                                         NULL);
  }
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);
  g_clear_object (&loaded);

  /* a referee leaves the leads and the speakers; a participant the schedule */
  delete_item (store, AUFTAKT_TYPE_REFEREE, "F3");
  delete_item (store, AUFTAKT_TYPE_PARTICIPANT, "P4");
  delete_item (store, AUFTAKT_TYPE_AGENDA_ITEM, "A2");
  {
    guint position;

    g_list_store_find (auftakt_event_get_referees (expected),
                       auftakt_event_find_referee (expected, "F3"), &position);
    g_list_store_remove (auftakt_event_get_referees (expected), position);
    auftakt_workshop_set_leads (auftakt_event_find_workshop (expected, "WS3"), NULL);
    auftakt_agenda_item_set_speakers (auftakt_event_find_agenda_item (expected, "A1"),
                                      (const char *[]) { "F2", "F1", NULL });

    g_list_store_find (auftakt_event_get_participants (expected),
                       auftakt_event_find_participant (expected, "P4"), &position);
    g_list_store_remove (auftakt_event_get_participants (expected), position);

    g_list_store_find (auftakt_event_get_agenda (expected),
                       auftakt_event_find_agenda_item (expected, "A2"), &position);
    g_list_store_remove (auftakt_event_get_agenda (expected), position);
  }
  loaded = load (store, "kickoff");
  assert_same_event (expected, loaded);
  g_clear_object (&loaded);

  /* an agenda kind from a newer Auftakt reads as "other" */
  exec_sql (fixture->path, "UPDATE agenda_items SET kind = 'keynote' WHERE id = 'A1';");
  loaded = load (store, "kickoff");
  g_assert_cmpint (auftakt_agenda_item_get_kind (auftakt_event_find_agenda_item (loaded, "A1")),
                   ==, AUFTAKT_AGENDA_KIND_OTHER);
  g_clear_object (&loaded);

  /* errors */
  g_assert_false (auftakt_store_delete_item (store, "kickoff", AUFTAKT_TYPE_ROOM, "M9", &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_ITEM);
  g_assert_nonnull (strstr (error->message, "M9"));
  g_clear_error (&error);
  g_assert_false (auftakt_store_delete_item (store, "nope", AUFTAKT_TYPE_ROOM, "M8", &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
  g_clear_error (&error);
  {
    g_autoptr(AuftaktRound) round = auftakt_round_new ("R7");

    g_assert_false (auftakt_store_save_item (store, "nope", G_OBJECT (round), &error));
    g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
    g_clear_error (&error);
  }

  assert_integrity (fixture->path);
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = auftakt_store_open (fixture->path, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "plan.auftakt"));
  g_clear_error (&error);

  store = auftakt_store_open (fixture->dir, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_IO);
  g_assert_null (store);
}

static void
assert_refused (const char        *path,
                AuftaktStoreError  code,
                const char        *needle)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  store = auftakt_store_open (path, &error);
  g_assert_error (error, AUFTAKT_STORE_ERROR, (int) code);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  assert_file_unchanged (path, before);
}

static void
test_open_not_a_plan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.auftakt", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.auftakt", NULL);
  g_autofree char *short_file = g_build_filename (fixture->dir, "short.auftakt", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.auftakt", NULL);
  g_autofree char *bare = g_build_filename (fixture->dir, "bare.auftakt", NULL);

  g_assert_true (g_file_set_contents (text, "<event version=\"1\"/>\n", -1, NULL));
  assert_refused (text, AUFTAKT_STORE_ERROR_NOT_A_PLAN, NULL);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, AUFTAKT_STORE_ERROR_NOT_A_PLAN, NULL);

  g_assert_true (g_file_set_contents (short_file, "SQL", -1, NULL));
  assert_refused (short_file, AUFTAKT_STORE_ERROR_NOT_A_PLAN, NULL);

  /* another program's database */
  exec_sql (foreign, "PRAGMA application_id = 42; CREATE TABLE events (id TEXT);"
                     "INSERT INTO events VALUES ('x');");
  assert_refused (foreign, AUFTAKT_STORE_ERROR_NOT_A_PLAN, NULL);

  /* our application id but none of our tables */
  exec_sql (bare, "PRAGMA application_id = 1098212980; PRAGMA user_version = 1;"
                  "CREATE TABLE something (id TEXT);");
  assert_refused (bare, AUFTAKT_STORE_ERROR_NOT_A_PLAN, NULL);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autofree char *sql = NULL;

  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", AUFTAKT_STORE_SCHEMA_VERSION + 1);
  exec_sql (fixture->path, sql);
  assert_refused (fixture->path, AUFTAKT_STORE_ERROR_TOO_NEW, "newer version of Auftakt");
}

static void
write_damaged (const char *path,
               GBytes     *good,
               gsize       length,
               gsize       garbage_offset,
               gsize       garbage_length)
{
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), length);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (length, <=, g_bytes_get_size (good));
  g_assert_cmpuint (garbage_offset + garbage_length, <=, length);
  for (gsize i = 0; i < garbage_length; i++)
    data[garbage_offset + i] = (guint8) (0x5a ^ i);

  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
}

static AuftaktEvent *
build_big_event (guint n_participants,
                 guint seed)
{
  AuftaktEvent *event = auftakt_event_new ("big");
  AuftaktSchedule *schedule = auftakt_schedule_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) rooms = g_ptr_array_new ();
  const guint n_rounds = 4, n_workshops = 60, n_rooms = 40;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  auftakt_event_set_title (event, "Großveranstaltung");

  for (guint r = 0; r < n_rounds; r++)
    {
      g_autofree char *id = g_strdup_printf ("R%u", r + 1);
      AuftaktRound *round = auftakt_round_new (id);

      auftakt_round_set_start (round, 540 + 120 * r);
      auftakt_round_set_end (round, 630 + 120 * r);
      add_item (auftakt_event_get_rounds (event), round);
    }

  for (guint i = 0; i < n_rooms; i++)
    {
      g_autofree char *id = g_strdup_printf ("Raum%u", i + 1);
      AuftaktRoom *room = auftakt_room_new (id);

      auftakt_room_set_name (room, id);
      auftakt_room_set_capacity (room, 200);
      add_item (auftakt_event_get_rooms (event), room);
    }

  for (guint w = 0; w < n_workshops; w++)
    {
      g_autofree char *id = g_strdup_printf ("WS%u", w + 1);
      g_autofree char *title = g_strdup_printf ("Workshop Nummer %u", w + 1);
      AuftaktWorkshop *workshop = auftakt_workshop_new (id);

      auftakt_workshop_set_title (workshop, title);
      auftakt_workshop_set_max (workshop, 400);
      add_item (auftakt_event_get_workshops (event), workshop);
    }

  /* sessions: workshop w runs in round w % 4 in room w % 40 ... enough shape */
  for (guint w = 0; w < n_workshops; w++)
    for (guint r = 0; r < 2; r++)
      {
        g_autofree char *ws = g_strdup_printf ("WS%u", w + 1);
        g_autofree char *round = g_strdup_printf ("R%u", (w + r * 2) % n_rounds + 1);
        g_autofree char *room = g_strdup_printf ("Raum%u", (w + r * 20) % n_rooms + 1);

        g_ptr_array_add (sessions, auftakt_session_new (ws, round, room));
      }

  for (guint p = 0; p < n_participants; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%05u", p + 1);
      g_autofree char *name = g_strdup_printf ("Teilnehmerin %u", p + 1);
      g_autofree char *email = g_strdup_printf ("p%u@example.org", p + 1);
      AuftaktParticipant *participant = auftakt_participant_new (id);
      guint n_choices = g_rand_int_range (rand, 3, 7);
      char *choices[7] = { NULL, };
      guint first = g_rand_int_range (rand, 0, n_workshops);

      for (guint c = 0; c < n_choices; c++)
        choices[c] = g_strdup_printf ("WS%u", (first + c * 7) % n_workshops + 1);

      auftakt_participant_set_name (participant, name);
      auftakt_participant_set_organisation (participant, "Kommune");
      auftakt_participant_set_email (participant, email);
      auftakt_participant_set_choices (participant, (const char * const *) choices);
      add_item (auftakt_event_get_participants (event), participant);

      for (guint k = 0; k < 2; k++)
        auftakt_session_add_attendee (g_ptr_array_index (sessions, (p * 2 + k) % sessions->len),
                                      id, p % 10 == 0);

      for (guint c = 0; c < n_choices; c++)
        g_free (choices[c]);
    }

  auftakt_schedule_splice (schedule, sessions);
  auftakt_event_set_schedule (event, schedule);
  g_object_unref (schedule);
  return event;
}

static void
test_open_damaged (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AuftaktEvent) event = build_big_event (500, 1);
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.auftakt", NULL);
  gsize size;
  const gsize page = 4096;

  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  good = read_bytes (fixture->path);
  size = g_bytes_get_size (good);
  g_assert_cmpuint (size, >, 20 * page);
  g_assert_cmpuint (size % page, ==, 0);

  /* truncated to half, or by its last page */
  write_damaged (damaged, good, size / 2, 0, 0);
  assert_refused (damaged, AUFTAKT_STORE_ERROR_DAMAGED, NULL);
  write_damaged (damaged, good, size - page, 0, 0);
  assert_refused (damaged, AUFTAKT_STORE_ERROR_DAMAGED, NULL);
  /* cut inside the header */
  write_damaged (damaged, good, 50, 0, 0);
  assert_refused (damaged, AUFTAKT_STORE_ERROR_DAMAGED, NULL);
  /* a page of the middle overwritten */
  write_damaged (damaged, good, size, (size / page / 2) * page, page);
  assert_refused (damaged, AUFTAKT_STORE_ERROR_DAMAGED, NULL);
  /* the schema on the first page overwritten, the header intact */
  write_damaged (damaged, good, size, 100, page - 100);
  assert_refused (damaged, AUFTAKT_STORE_ERROR_DAMAGED, NULL);

  /* the undamaged original still opens */
  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* Open file descriptors of this process that point at @path. */
static guint
count_open (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (g_strcmp0 (target, path) == 0)
        n++;
    }

  return n;
}

static void
test_finalize_closes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = create_rich_plan (fixture);
  g_autoptr(AuftaktEvent) event = NULL;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc/self/fd");
      return;
    }

  event = load (store, "kickoff");
  g_assert_cmpuint (count_open (fixture->path), ==, 1);
  g_clear_object (&store);
  g_assert_cmpuint (count_open (fixture->path), ==, 0);
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AuftaktStore) first = create_rich_plan (fixture);
  g_autoptr(AuftaktStore) second = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktEvent) other = auftakt_event_new ("other");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *expected_count = NULL;
  const guint n_writes = 25;
  pid_t pid;
  int status;

  second = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* one after the other, each sees the other's writes */
  {
    g_autoptr(AuftaktRound) round = auftakt_round_new ("R9");
    g_autoptr(AuftaktRoom) room = auftakt_room_new ("M99");

    auftakt_room_set_unavailable (room, (const char *[]) { "R9", NULL });
    save_item (first, round);
    save_item (second, room);
    g_assert_true (auftakt_store_add_event (first, other, &error));
    g_assert_no_error (error);
    event = load (second, "kickoff");
    g_assert_nonnull (auftakt_event_find_round (event, "R9"));
    g_assert_nonnull (auftakt_event_find_room (event, "M99"));
    g_clear_object (&event);
    event = load (first, "kickoff");
    g_assert_nonnull (auftakt_event_find_room (event, "M99"));
    g_clear_object (&event);
    g_clear_object (&second);
  }

  /* Two processes writing at the same time: the busy timeout makes one
   * wait for the other.  No connection may cross the fork. */
  g_clear_object (&first);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      AuftaktStore *child = auftakt_store_open (fixture->path, NULL);
      gboolean ok = child != NULL;

      for (guint i = 0; ok && i < n_writes; i++)
        {
          g_autofree char *id = g_strdup_printf ("child-%u", i);
          AuftaktParticipant *participant = auftakt_participant_new (id);

          auftakt_participant_set_choices (participant, (const char *[]) { "WS2", NULL });
          ok = auftakt_store_save_item (child, "kickoff", G_OBJECT (participant), NULL);
          g_object_unref (participant);
        }

      g_clear_object (&child);
      _exit (ok ? 0 : 1);
    }

  first = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_writes; i++)
    {
      g_autofree char *id = g_strdup_printf ("parent-%u", i);
      g_autoptr(AuftaktParticipant) participant = auftakt_participant_new (id);

      auftakt_participant_set_choices (participant, (const char *[]) { "WS1", "WS3", NULL });
      save_item (first, participant);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  event = load (first, "kickoff");
  g_assert_cmpuint (n_items (auftakt_event_get_participants (event)), ==, 4 + 2 * n_writes);
  g_clear_object (&first);

  count = query_text (fixture->path, "SELECT count(*) FROM choices WHERE event_id = 'kickoff';");
  expected_count = g_strdup_printf ("%u", 2 + 0 + 3 + 1 + n_writes * (1 + 2));
  g_assert_cmpstr (count, ==, expected_count);
  assert_integrity (fixture->path);
}

/* The tables of a plan as SQLite describes them, independent of how the SQL
 * that made them was written (CREATE or ALTER). */
static char *
describe_schema (const char *path)
{
  return query_text (path,
                     "SELECT m.type, m.name, t.cid, t.name, t.type, t.\"notnull\", t.dflt_value, t.pk"
                     "  FROM sqlite_schema AS m, pragma_table_info (m.name) AS t"
                     "  WHERE m.type = 'table'"
                     " UNION ALL "
                     "SELECT 'fk', m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\","
                     "       f.on_update || ' ' || f.on_delete"
                     "  FROM sqlite_schema AS m, pragma_foreign_key_list (m.name) AS f"
                     "  WHERE m.type = 'table'"
                     " UNION ALL "
                     "SELECT 'index', m.name, i.name, i.\"unique\", i.origin, i.partial, NULL, NULL"
                     "  FROM sqlite_schema AS m, pragma_index_list (m.name) AS i"
                     "  WHERE m.type = 'table'"
                     " UNION ALL "
                     "SELECT type, name, tbl_name, NULL, NULL, NULL, NULL, NULL"
                     "  FROM sqlite_schema WHERE type IN ('trigger', 'index')"
                     " ORDER BY 1, 2, 3, 4;");
}

static void
build_v1_plan (const char *path)
{
  g_autofree char *schema = read_data ("schema-v1.sql");
  g_autofree char *data = read_data ("plan-v1-data.sql");

  exec_sql (path, schema);
  exec_sql (path, data);
}

static void
test_open_v1 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktStore) fresh = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.auftakt", NULL);
  g_autofree char *old_schema = NULL;
  g_autofree char *new_schema = NULL;
  g_autofree char *version = NULL;
  g_auto(GStrv) ids = NULL;
  AuftaktRound *round;
  AuftaktRoom *room;
  AuftaktReferee *referee;
  AuftaktWorkshop *workshop;
  AuftaktParticipant *participant;
  AuftaktAgendaItem *item;
  AuftaktSchedule *schedule;
  AuftaktSession *session;

  build_v1_plan (fixture->path);

  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  version = query_text (fixture->path, "PRAGMA user_version;");
  g_assert_cmpint (atoi (version), ==, AUFTAKT_STORE_SCHEMA_VERSION);

  /* an upgraded old plan has the tables of a new one */
  fresh = auftakt_store_create (fresh_path, FALSE, NULL, &error);
  g_assert_no_error (error);
  old_schema = describe_schema (fixture->path);
  new_schema = describe_schema (fresh_path);
  g_assert_cmpstr (old_schema, ==, new_schema);

  ids = auftakt_store_list_events (store, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) ids, "zukunftsworkshop", "leer");

  event = load (store, "zukunftsworkshop");
  g_assert_cmpstr (auftakt_event_get_title (event), ==, "Zukunftsworkshop");
  g_assert_cmpstr (auftakt_event_get_date (event), ==, "2018-09-18");
  g_assert_cmpstr (auftakt_event_get_venue (event), ==, "Raum M8");
  g_assert_cmpstr (auftakt_event_get_description (event), ==, "");
  g_assert_cmpint (auftakt_event_get_workshops_per_participant (event), ==, 1);
  g_assert_cmpint (auftakt_event_get_unranked_cost (event), ==, 50);

  g_assert_cmpuint (n_items (auftakt_event_get_rounds (event)), ==, 2);
  round = auftakt_event_find_round (event, "R1");
  g_assert_cmpstr (auftakt_round_get_title (round), ==, "Erste Runde");
  g_assert_cmpint (auftakt_round_get_start (round), ==, 735);
  g_assert_cmpint (auftakt_round_get_end (round), ==, 770);
  round = auftakt_event_find_round (event, "R2");
  g_assert_null (auftakt_round_get_title (round));
  g_assert_cmpint (auftakt_round_get_start (round), ==, -1);

  room = auftakt_event_find_room (event, "M8");
  g_assert_cmpstr (auftakt_room_get_name (room), ==, "Workshop-Raum M8");
  g_assert_cmpint (auftakt_room_get_capacity (room), ==, 40);
  g_assert_cmpstr (auftakt_room_get_description (room), ==, "");
  assert_strv_empty (auftakt_room_get_unavailable (room));
  room = auftakt_event_find_room (event, "M8a");
  g_assert_null (auftakt_room_get_name (room));
  g_assert_cmpint (auftakt_room_get_capacity (room), ==, -1);
  assert_strv (auftakt_room_get_unavailable (room), "R2");

  g_assert_cmpstr (auftakt_cluster_get_colour (auftakt_event_find_cluster (event, "C1")), ==,
                   "#33d17a");
  g_assert_null (auftakt_cluster_get_description (auftakt_event_find_cluster (event, "C1")));

  referee = auftakt_event_find_referee (event, "F2");
  g_assert_cmpstr (auftakt_referee_get_organisation (referee), ==, "");
  g_assert_null (auftakt_referee_get_role (referee));
  g_assert_cmpstr (auftakt_referee_get_email (referee), ==, "bernd@example.org");
  assert_strv (auftakt_referee_get_unavailable (referee), "R1");

  workshop = auftakt_event_find_workshop (event, "WS1");
  g_assert_cmpstr (auftakt_workshop_get_title (workshop), ==, "Mobilität");
  g_assert_cmpstr (auftakt_workshop_get_cluster (workshop), ==, "C1");
  g_assert_cmpint (auftakt_workshop_get_min (workshop), ==, 3);
  g_assert_cmpint (auftakt_workshop_get_max (workshop), ==, 20);
  g_assert_cmpint (auftakt_workshop_get_max_runs (workshop), ==, 1);
  assert_strv (auftakt_workshop_get_leads (workshop), "F2", "F1");
  workshop = auftakt_event_find_workshop (event, "WS2");
  g_assert_null (auftakt_workshop_get_cluster (workshop));
  g_assert_cmpint (auftakt_workshop_get_max (workshop), ==, -1);
  g_assert_cmpint (auftakt_workshop_get_max_runs (workshop), ==, -1);
  assert_strv (auftakt_workshop_get_unavailable (workshop), "R1");

  participant = auftakt_event_find_participant (event, "P1");
  g_assert_null (auftakt_participant_get_organisation (participant));
  g_assert_cmpstr (auftakt_participant_get_email (participant), ==, "");
  assert_strv (auftakt_participant_get_choices (participant), "WS2", "WS1");
  participant = auftakt_event_find_participant (event, "P2");
  assert_strv_empty (auftakt_participant_get_choices (participant));
  assert_strv (auftakt_participant_get_unavailable (participant), "R1");

  item = auftakt_event_find_agenda_item (event, "A1");
  g_assert_cmpint (auftakt_agenda_item_get_kind (item), ==, AUFTAKT_AGENDA_KIND_OPENING);
  g_assert_cmpint (auftakt_agenda_item_get_start (item), ==, 690);
  g_assert_cmpstr (auftakt_agenda_item_get_room (item), ==, "M8");
  g_assert_null (auftakt_agenda_item_get_round (item));
  assert_strv (auftakt_agenda_item_get_speakers (item), "F2", "F1");
  item = auftakt_event_find_agenda_item (event, "A2");
  g_assert_cmpint (auftakt_agenda_item_get_kind (item), ==, AUFTAKT_AGENDA_KIND_WORKSHOPS);
  g_assert_null (auftakt_agenda_item_get_number (item));
  g_assert_cmpstr (auftakt_agenda_item_get_round (item), ==, "R1");
  g_assert_cmpstr (auftakt_agenda_item_get_description (item), ==, "");

  schedule = auftakt_event_get_schedule (event);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (schedule), ==, 2);
  session = auftakt_schedule_get_session (schedule, 0);
  g_assert_cmpstr (auftakt_session_get_workshop (session), ==, "WS1");
  g_assert_true (auftakt_session_get_locked (session));
  g_assert_cmpstr (auftakt_session_get_attendance (session, 0)->participant, ==, "P2");
  g_assert_false (auftakt_session_get_attendance (session, 0)->locked);
  session = auftakt_schedule_get_session (schedule, 1);
  g_assert_cmpstr (auftakt_session_get_room (session), ==, "M8a");
  g_assert_false (auftakt_session_get_locked (session));
  g_assert_true (auftakt_session_get_attendance (session, 0)->locked);
  g_clear_object (&event);

  event = load (store, "leer");
  g_assert_null (auftakt_event_get_title (event));
  g_assert_null (auftakt_event_get_schedule (event));
  g_assert_cmpuint (n_items (auftakt_event_get_rounds (event)), ==, 0);
}

static void
test_migration_steps (Fixture       *fixture,
                      gconstpointer  data)
{
  static const AuftaktStoreMigration steps[] = {
    { 2, "ALTER TABLE events ADD COLUMN colour TEXT;" },
    { 1, "ALTER TABLE rooms ADD COLUMN floor INTEGER;"
         "UPDATE rooms SET floor = 3 WHERE id = 'M8';" },
  };
  static const AuftaktStoreMigration broken[] = {
    { 1, "ALTER TABLE rooms ADD COLUMN floor INTEGER;" },
    { 2, "UPDATE rooms SET no_such_column = 1;" },
  };
  static const AuftaktStoreMigration dangling[] = {
    { 1, "DELETE FROM rounds WHERE id = 'R1';" },
  };
  g_autofree char *v2_path = g_build_filename (fixture->dir, "v2.auftakt", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  sqlite3 *db = NULL;

  build_v1_plan (fixture->path);
  before = read_bytes (fixture->path);

  /* a failing step leaves the plan as it was, at version 1 */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_false (_auftakt_store_migrate (db, "plan.auftakt", broken, G_N_ELEMENTS (broken), 3,
                                          &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* so does a step that leaves a dangling reference (foreign keys are off
   * while the steps run) */
  g_assert_false (_auftakt_store_migrate (db, "plan.auftakt", dangling, G_N_ELEMENTS (dangling),
                                          2, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* no step from version 1 */
  g_assert_false (_auftakt_store_migrate (db, "plan.auftakt", steps, 1, 2, &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_file_unchanged (fixture->path, before);

  /* steps run in the order of their versions, whatever their order in the list */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (_auftakt_store_migrate (db, "plan.auftakt", steps, G_N_ELEMENTS (steps), 3,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  result = query_text (fixture->path,
                       "PRAGMA user_version; ");
  g_assert_cmpstr (result, ==, "3");
  g_clear_pointer (&result, g_free);
  result = query_text (fixture->path,
                       "SELECT id, floor FROM rooms ORDER BY position;");
  g_assert_cmpstr (result, ==, "M8|3\nM8a|NULL");
  g_clear_pointer (&result, g_free);
  result = query_text (fixture->path, "SELECT count(*) FROM pragma_table_info ('events')"
                                      " WHERE name = 'colour';");
  g_assert_cmpstr (result, ==, "1");
  assert_integrity (fixture->path);

  /* this Auftakt knows only its own version: that file is now too new */
  assert_refused (fixture->path, AUFTAKT_STORE_ERROR_TOO_NEW, NULL);

  /* the real list takes a v1 plan to the current version */
  build_v1_plan (v2_path);
  g_assert_cmpint (sqlite3_open (v2_path, &db), ==, SQLITE_OK);
  g_assert_true (_auftakt_store_migrate (db, "v2.auftakt", _auftakt_store_migrations,
                                         _auftakt_store_n_migrations,
                                         AUFTAKT_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The figure to meet is 20,000 participants; the sanitizers make everything
 * ten times slower, and there the test only checks the content. */
#ifdef __SANITIZE_ADDRESS__
#define N_BIG_PARTICIPANTS 4000
#else
#define N_BIG_PARTICIPANTS 20000
#endif

static void
test_load_speed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AuftaktEvent) event = build_big_event (N_BIG_PARTICIPANTS, 7);
  g_autoptr(AuftaktEvent) loaded = NULL;
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, created, opened, done;
  guint n_choices = 0;
  GStatBuf buf;

  for (guint i = 0; i < n_items (auftakt_event_get_participants (event)); i++)
    {
      g_autoptr(AuftaktParticipant) p =
        g_list_model_get_item (G_LIST_MODEL (auftakt_event_get_participants (event)), i);

      n_choices += g_strv_length ((char **) auftakt_participant_get_choices (p));
    }

  start = g_get_monotonic_time ();
  store = auftakt_store_create (fixture->path, FALSE, event, &error);
  g_assert_no_error (error);
  created = g_get_monotonic_time ();
  g_clear_object (&store);

  store = auftakt_store_open (fixture->path, &error);
  g_assert_no_error (error);
  opened = g_get_monotonic_time ();
  loaded = load (store, "big");
  done = g_get_monotonic_time ();

  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_test_message ("%u participants, %u choices, %u attendances, %.1f MiB: "
                  "create %.3f s, open %.3f s, load %.3f s",
                  N_BIG_PARTICIPANTS, n_choices,
                  auftakt_schedule_count_attendances (auftakt_event_get_schedule (loaded)),
                  buf.st_size / 1048576.0,
                  (created - start) / 1e6, (opened - created) / 1e6, (done - opened) / 1e6);

  assert_same_event (event, loaded);

  /* Sanitizers and -O0 slow everything down several times: report only. */
#if defined (__OPTIMIZE__) && !defined (__SANITIZE_ADDRESS__)
  g_assert_cmpint (done - opened, <, G_USEC_PER_SEC);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/schedule", test_schedule);
  ADD ("/store/create/empty", test_create_empty);
  ADD ("/store/create/refuses-existing", test_create_refuses_existing);
  ADD ("/store/create/failure-leaves-nothing", test_create_failure_leaves_nothing);
  ADD ("/store/create/replaces-through", test_create_replaces_through);
  ADD ("/store/write/invalid-items", test_invalid_items);
  ADD ("/store/write/rollback", test_rollback);
  ADD ("/store/events", test_events);
  ADD ("/store/event-properties", test_save_event_properties);
  ADD ("/store/items", test_items);
  ADD ("/store/open/missing", test_open_missing);
  ADD ("/store/open/not-a-plan", test_open_not_a_plan);
  ADD ("/store/open/too-new", test_open_too_new);
  ADD ("/store/open/damaged", test_open_damaged);
  ADD ("/store/open/v1", test_open_v1);
  ADD ("/store/migration/steps", test_migration_steps);
  ADD ("/store/finalize-closes", test_finalize_closes);
  ADD ("/store/two-connections", test_two_connections);
  ADD ("/store/load-speed", test_load_speed);

#undef ADD

  return g_test_run ();
}
