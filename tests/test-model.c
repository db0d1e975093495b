/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "auftakt-event.h"
#include "auftakt-util.h"

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_event_defaults (void)
{
  g_autoptr(AuftaktEvent) event = auftakt_event_new ("kickoff");

  g_assert_cmpstr (auftakt_event_get_id (event), ==, "kickoff");
  g_assert_cmpint (auftakt_event_get_workshops_per_participant (event), ==, 2);
  g_assert_cmpint (auftakt_event_get_unranked_cost (event), ==, 100);
  g_assert_null (auftakt_event_get_schedule (event));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (auftakt_event_get_rounds (event))),
                    ==, 0);
}

static void
test_workshop_max_runs_default (void)
{
  g_autoptr(AuftaktEvent) event = auftakt_event_new ("kickoff");
  g_autoptr(AuftaktWorkshop) workshop = auftakt_workshop_new ("WS1");
  g_autoptr(AuftaktRound) r1 = auftakt_round_new ("R1");
  g_autoptr(AuftaktRound) r2 = auftakt_round_new ("R2");

  g_list_store_append (auftakt_event_get_rounds (event), r1);
  g_list_store_append (auftakt_event_get_rounds (event), r2);
  g_list_store_append (auftakt_event_get_workshops (event), workshop);

  /* unset: one session per round */
  g_assert_cmpint (auftakt_workshop_get_max_runs (workshop), ==, -1);
  g_assert_cmpint (auftakt_event_get_workshop_max_runs (event, workshop), ==, 2);
  auftakt_workshop_set_max_runs (workshop, 1);
  g_assert_cmpint (auftakt_event_get_workshop_max_runs (event, workshop), ==, 1);
  g_assert_true (auftakt_event_find_workshop (event, "WS1") == workshop);
  g_assert_null (auftakt_event_find_workshop (event, "WS2"));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_participant_choices_notify_once (void)
{
  g_autoptr(AuftaktParticipant) p = auftakt_participant_new ("P1");
  const char *choices[] = { "WS3", "WS1", NULL };
  guint notified = 0;

  g_assert_nonnull (auftakt_participant_get_choices (p));
  g_assert_null (auftakt_participant_get_choices (p)[0]);

  g_signal_connect (p, "notify::choices", G_CALLBACK (notify_cb), &notified);
  auftakt_participant_set_choices (p, choices);
  auftakt_participant_set_choices (p, choices);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (auftakt_participant_get_choices (p)[0], ==, "WS3");
  g_assert_cmpstr (auftakt_participant_get_choices (p)[1], ==, "WS1");

  auftakt_participant_set_choices (p, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (auftakt_participant_get_choices (p)[0]);
}

static void
test_schedule_splice_is_one_batch (void)
{
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  guint changes = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *ws = g_strdup_printf ("WS%u", i + 1);
      g_ptr_array_add (sessions, auftakt_session_new (ws, "R1", ws));
    }

  g_signal_connect (auftakt_schedule_get_sessions (schedule), "items-changed",
                    G_CALLBACK (items_changed_cb), &changes);
  auftakt_schedule_splice (schedule, sessions);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (schedule), ==, 5);
  g_assert_nonnull (auftakt_schedule_find_session (schedule, "WS3", "R1"));
  g_assert_null (auftakt_schedule_find_session (schedule, "WS3", "R2"));
}

static void
test_session_attendees (void)
{
  g_autoptr(AuftaktSession) session = auftakt_session_new ("WS1", "R1", "M8");

  auftakt_session_add_attendee (session, "P1", FALSE);
  auftakt_session_add_attendee (session, "P2", TRUE);
  g_assert_cmpuint (auftakt_session_get_n_attendees (session), ==, 2);
  g_assert_true (auftakt_session_get_attendance (session, 1)->locked);
  g_assert_cmpint (auftakt_session_find_attendee (session, "P2"), ==, 1);
  g_assert_true (auftakt_session_remove_attendee (session, "P1"));
  g_assert_false (auftakt_session_remove_attendee (session, "P1"));
  g_assert_cmpint (auftakt_session_find_attendee (session, "P2"), ==, 0);
}

static void
test_util_set_strv (void)
{
  const char *ab[] = { "a", "b", NULL };
  g_auto(GStrv) strv = NULL;

  /* NULL becomes the empty list, which NULL then leaves alone. */
  g_assert_true (auftakt_set_strv (&strv, NULL));
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length (strv), ==, 0);
  g_assert_false (auftakt_set_strv (&strv, NULL));

  g_assert_true (auftakt_set_strv (&strv, ab));
  g_assert_true (strv != (char **) ab);
  g_assert_true (g_strv_equal ((const char * const *) strv, ab));
  g_assert_false (auftakt_set_strv (&strv, ab));

  /* A part of the list itself: copied before the old one is freed. */
  g_assert_true (auftakt_set_strv (&strv, (const char * const *) strv + 1));
  g_assert_cmpuint (g_strv_length (strv), ==, 1);
  g_assert_cmpstr (strv[0], ==, "b");

  g_assert_true (auftakt_set_strv (&strv, NULL));
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length (strv), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/event/defaults", test_event_defaults);
  g_test_add_func ("/model/workshop/max-runs-default", test_workshop_max_runs_default);
  g_test_add_func ("/model/participant/choices-notify-once", test_participant_choices_notify_once);
  g_test_add_func ("/model/schedule/splice-is-one-batch", test_schedule_splice_is_one_batch);
  g_test_add_func ("/model/session/attendees", test_session_attendees);
  g_test_add_func ("/model/util/set-strv", test_util_set_strv);

  return g_test_run ();
}
