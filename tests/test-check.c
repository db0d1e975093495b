/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "auftakt-check.h"

/* A small event: two rounds, three rooms, three workshops, four
 * participants, K = 2; and a valid schedule for it that each test breaks in
 * one way. */
static AuftaktEvent *
make_event (void)
{
  AuftaktEvent *event = auftakt_event_new ("test");
  const char *rounds[] = { "R1", "R2" };
  struct { const char *id; int capacity; } rooms[] = { { "M1", 3 }, { "M2", 2 }, { "M3", 2 } };
  struct { const char *id; int min, max; const char *lead; } workshops[] = {
    { "WS1", 1, 3, "F1" }, { "WS2", 0, -1, "F2" }, { "WS3", 0, 2, "F3" },
  };
  struct { const char *id; const char *choices[4]; } people[] = {
    { "P1", { "WS1", "WS2", NULL } },
    { "P2", { "WS1", "WS3", NULL } },
    { "P3", { "WS2", "WS1", "WS3", NULL } },
    { "P4", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    {
      g_autoptr(AuftaktRound) r = auftakt_round_new (rounds[i]);
      auftakt_round_set_start (r, 13 * 60 + (int) i * 120);
      auftakt_round_set_end (r, 14 * 60 + 30 + (int) i * 120);
      g_list_store_append (auftakt_event_get_rounds (event), r);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      g_autoptr(AuftaktRoom) m = auftakt_room_new (rooms[i].id);
      auftakt_room_set_capacity (m, rooms[i].capacity);
      g_list_store_append (auftakt_event_get_rooms (event), m);
    }
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("F%u", i);
      g_autoptr(AuftaktReferee) f = auftakt_referee_new (id);
      g_list_store_append (auftakt_event_get_referees (event), f);
    }
  for (guint i = 0; i < G_N_ELEMENTS (workshops); i++)
    {
      g_autoptr(AuftaktWorkshop) w = auftakt_workshop_new (workshops[i].id);
      const char *leads[] = { workshops[i].lead, NULL };
      auftakt_workshop_set_min (w, workshops[i].min);
      auftakt_workshop_set_max (w, workshops[i].max);
      auftakt_workshop_set_leads (w, leads);
      g_list_store_append (auftakt_event_get_workshops (event), w);
    }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(AuftaktParticipant) p = auftakt_participant_new (people[i].id);
      auftakt_participant_set_choices (p, people[i].choices);
      g_list_store_append (auftakt_event_get_participants (event), p);
    }

  return event;
}

static AuftaktSession *
add_session (AuftaktSchedule *schedule,
             const char      *workshop,
             const char      *round,
             const char      *room,
             const char      *attendees)
{
  g_autoptr(AuftaktSession) s = auftakt_session_new (workshop, round, room);
  g_auto(GStrv) people = g_strsplit (attendees, " ", -1);

  for (guint i = 0; people[i] != NULL; i++)
    if (people[i][0] != '\0')
      auftakt_session_add_attendee (s, people[i], FALSE);
  auftakt_schedule_add_session (schedule, s);

  return s;
}

/* Cost: P1 WS1+WS2 = 0+1, P2 WS1+WS3 = 0+1, P3 WS2+WS1 = 0+1, P4 unranked 2x100. */
static AuftaktSchedule *
make_valid_schedule (void)
{
  AuftaktSchedule *schedule = auftakt_schedule_new ();

  add_session (schedule, "WS1", "R1", "M1", "P1 P2 P4");
  add_session (schedule, "WS2", "R1", "M2", "P3");
  add_session (schedule, "WS2", "R2", "M1", "P1 P4");
  add_session (schedule, "WS1", "R2", "M2", "P3");
  add_session (schedule, "WS3", "R2", "M3", "P2");

  return schedule;
}

static gboolean
has_rule (AuftaktCheckReport *report,
          AuftaktCheckRule    rule)
{
  for (guint i = 0; i < report->violations->len; i++)
    if (((AuftaktViolation *) g_ptr_array_index (report->violations, i))->rule == rule)
      return TRUE;

  return FALSE;
}

static void
test_valid (void)
{
  g_autoptr(AuftaktEvent) event = make_event ();
  g_autoptr(AuftaktSchedule) schedule = make_valid_schedule ();
  g_autoptr(AuftaktCheckReport) report = auftakt_check_schedule (event, schedule, NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < report->violations->len; i++)
    g_test_message ("%s", ((AuftaktViolation *) g_ptr_array_index (report->violations, i))->message);
  g_assert_true (report->valid);
  g_assert_cmpint (report->cost, ==, 203);
  g_assert_cmpuint (report->n_top_k, ==, 3);
  g_assert_cmpuint (report->n_unranked, ==, 1);

  line = auftakt_check_report_to_machine_line (report);
  g_assert_cmpstr (line, ==, "valid=1 cost=203 top_k_share=0.7500 unranked_share=0.2500 "
                             "participants=4 sessions=5");
}

typedef void (*BreakFunc) (AuftaktEvent *event, AuftaktSchedule *schedule);

static void
assert_broken (BreakFunc        breaker,
               AuftaktCheckRule rule)
{
  g_autoptr(AuftaktEvent) event = make_event ();
  g_autoptr(AuftaktSchedule) schedule = make_valid_schedule ();
  g_autoptr(AuftaktCheckReport) report = NULL;

  breaker (event, schedule);
  report = auftakt_check_schedule (event, schedule, NULL);
  for (guint i = 0; i < report->violations->len; i++)
    g_test_message ("%s", ((AuftaktViolation *) g_ptr_array_index (report->violations, i))->message);
  g_assert_false (report->valid);
  g_assert_true (has_rule (report, rule));
}

static void
break_unknown_room (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_session_set_room (auftakt_schedule_get_session (schedule, 4), "M9");
}

static void
break_room_unavailable (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  const char *off[] = { "R2", NULL };
  auftakt_room_set_unavailable (auftakt_event_find_room (event, "M3"), off);
}

/* A plenary item overlapping round 2 in room M3 makes M3 unavailable then. */
static void
break_room_busy_with_agenda (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  g_autoptr(AuftaktAgendaItem) item = auftakt_agenda_item_new ("A1");

  auftakt_agenda_item_set_kind (item, AUFTAKT_AGENDA_KIND_TALK);
  auftakt_agenda_item_set_start (item, 15 * 60);
  auftakt_agenda_item_set_end (item, 15 * 60 + 30);
  auftakt_agenda_item_set_room (item, "M3");
  g_list_store_append (auftakt_event_get_agenda (event), item);
}

static void
break_room_clash (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_session_set_room (auftakt_schedule_get_session (schedule, 4), "M2");
}

static void
break_max_runs (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_workshop_set_max_runs (auftakt_event_find_workshop (event, "WS1"), 1);
}

static void
break_capacity (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_room_set_capacity (auftakt_event_find_room (event, "M1"), 2);
}

static void
break_workshop_min (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_workshop_set_min (auftakt_event_find_workshop (event, "WS3"), 2);
}

static void
break_missing_attendance (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_session_remove_attendee (auftakt_schedule_get_session (schedule, 0), "P4");
}

static void
break_duplicate_attendee (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  auftakt_session_add_attendee (auftakt_schedule_get_session (schedule, 4), "P2", FALSE);
}

static void
break_participant_unavailable (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  const char *off[] = { "R1", NULL };
  auftakt_participant_set_unavailable (auftakt_event_find_participant (event, "P3"), off);
}

/* WS1 runs in round 2 too: give WS3, also in round 2, WS1's referee. */
static void
break_referee_clash (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  const char *leads[] = { "F1", NULL };

  auftakt_workshop_set_leads (auftakt_event_find_workshop (event, "WS3"), leads);
}

static void
break_referee_unavailable (AuftaktEvent *event, AuftaktSchedule *schedule)
{
  const char *off[] = { "R1", NULL };
  auftakt_referee_set_unavailable (auftakt_event_find_referee (event, "F2"), off);
}

static void
test_broken (gconstpointer data)
{
  const struct { BreakFunc breaker; AuftaktCheckRule rule; } *c = data;

  assert_broken (c->breaker, c->rule);
}

static void
test_format_problems_invalidate (void)
{
  g_autoptr(AuftaktEvent) event = make_event ();
  g_autoptr(AuftaktSchedule) schedule = make_valid_schedule ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AuftaktCheckReport) report = NULL;

  g_ptr_array_add (problems, g_strdup ("s.xml:3: unexpected element <lunch>"));
  report = auftakt_check_schedule (event, schedule, problems);
  g_assert_false (report->valid);
  g_assert_true (has_rule (report, AUFTAKT_CHECK_RULE_FORMAT));
  /* the cost is still computed from what could be read */
  g_assert_cmpint (report->cost, ==, 203);
}

static void
test_unreadable_line (void)
{
  g_autofree char *line = auftakt_check_unreadable_machine_line ();

  g_assert_cmpstr (line, ==,
                   "valid=0 cost=NA top_k_share=NA unranked_share=NA participants=NA sessions=NA");
}

int
main (int argc, char *argv[])
{
  static const struct { const char *path; BreakFunc breaker; AuftaktCheckRule rule; } cases[] = {
    { "/check/rule1/unknown-room", break_unknown_room, AUFTAKT_CHECK_RULE_SESSION },
    { "/check/rule1/room-unavailable", break_room_unavailable, AUFTAKT_CHECK_RULE_SESSION },
    { "/check/rule1/room-busy-with-agenda", break_room_busy_with_agenda, AUFTAKT_CHECK_RULE_SESSION },
    { "/check/rule2/room-clash", break_room_clash, AUFTAKT_CHECK_RULE_CLASH },
    { "/check/rule2/max-runs", break_max_runs, AUFTAKT_CHECK_RULE_CLASH },
    { "/check/rule3/capacity", break_capacity, AUFTAKT_CHECK_RULE_SEATS },
    { "/check/rule3/workshop-min", break_workshop_min, AUFTAKT_CHECK_RULE_SEATS },
    { "/check/rule4/missing-attendance", break_missing_attendance, AUFTAKT_CHECK_RULE_ATTENDANCE },
    { "/check/rule4/duplicate-attendee", break_duplicate_attendee, AUFTAKT_CHECK_RULE_ATTENDANCE },
    { "/check/rule4/participant-unavailable", break_participant_unavailable,
      AUFTAKT_CHECK_RULE_ATTENDANCE },
    { "/check/rule5/referee-clash", break_referee_clash, AUFTAKT_CHECK_RULE_REFEREE },
    { "/check/rule5/referee-unavailable", break_referee_unavailable, AUFTAKT_CHECK_RULE_REFEREE },
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/check/valid", test_valid);
  g_test_add_func ("/check/format-problems-invalidate", test_format_problems_invalidate);
  g_test_add_func ("/check/unreadable-line", test_unreadable_line);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i].breaker, test_broken);

  return g_test_run ();
}
