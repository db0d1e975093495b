/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-check.h"
#include "auftakt-availability.h"

/* The project's own judge of a schedule. It must reach the same verdict as
 * ../shared/bench/check.py on every schedule and the same cost on every valid
 * one, so it follows check.py rule by rule: attendees are counted once per
 * session, unknown participants are reported and not counted, and the cost
 * covers every attendance that could be read. */

typedef struct {
  AuftaktEvent *event;
  AuftaktAvailability *availability;
  GHashTable *rounds;        /* id → AuftaktRound */
  GHashTable *rooms;         /* id → AuftaktRoom */
  GHashTable *workshops;     /* id → AuftaktWorkshop */
  GHashTable *participants;  /* id → AuftaktParticipant */
  GPtrArray *violations;
} Checker;

typedef struct {
  AuftaktSession *session;
  GPtrArray *people;  /* known participant ids, each once */
} SessionInfo;

static void
violation_free (gpointer data)
{
  AuftaktViolation *v = data;

  g_free (v->message);
  g_free (v->workshop);
  g_free (v->round);
  g_free (v->room);
  g_free (v->participant);
  g_free (v);
}

G_GNUC_PRINTF (7, 8)
static void
add_violation (Checker          *self,
               AuftaktCheckRule  rule,
               const char       *workshop,
               const char       *round,
               const char       *room,
               const char       *participant,
               const char       *format,
               ...)
{
  AuftaktViolation *v = g_new0 (AuftaktViolation, 1);
  va_list args;

  va_start (args, format);
  v->message = g_strdup_vprintf (format, args);
  va_end (args);
  v->rule = rule;
  v->workshop = g_strdup (workshop);
  v->round = g_strdup (round);
  v->room = g_strdup (room);
  v->participant = g_strdup (participant);
  g_ptr_array_add (self->violations, v);
}

static GHashTable *
index_list (GListStore *store,
            const char *(*get_id) (gpointer))
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *id = get_id (item);

      /* The list keeps the item alive; the first of a duplicate id wins. */
      if (id != NULL && !g_hash_table_contains (table, id))
        g_hash_table_insert (table, (gpointer) id, item);
    }

  return table;
}

static const char *
workshop_name (Checker    *self,
               const char *id)
{
  AuftaktWorkshop *w = id ? g_hash_table_lookup (self->workshops, id) : NULL;

  if (w != NULL && auftakt_workshop_get_title (w) != NULL)
    return auftakt_workshop_get_title (w);

  return id ? id : "?";
}

static const char *
room_name (Checker    *self,
           const char *id)
{
  AuftaktRoom *m = id ? g_hash_table_lookup (self->rooms, id) : NULL;

  if (m != NULL && auftakt_room_get_name (m) != NULL)
    return auftakt_room_get_name (m);

  return id ? id : "?";
}

static const char *
round_name (Checker    *self,
            const char *id)
{
  AuftaktRound *r = id ? g_hash_table_lookup (self->rounds, id) : NULL;

  if (r != NULL && auftakt_round_get_title (r) != NULL)
    return auftakt_round_get_title (r);

  return id ? id : "?";
}

static const char *
participant_name (Checker    *self,
                  const char *id)
{
  AuftaktParticipant *p = id ? g_hash_table_lookup (self->participants, id) : NULL;

  if (p != NULL && auftakt_participant_get_name (p) != NULL &&
      auftakt_participant_get_name (p)[0] != '\0')
    return auftakt_participant_get_name (p);

  return id ? id : "?";
}

static const char *
agenda_item_name (AuftaktAgendaItem *item)
{
  if (auftakt_agenda_item_get_title (item) != NULL)
    return auftakt_agenda_item_get_title (item);

  return auftakt_agenda_item_get_id (item);
}

/* "Verwaltung in round R1 (Raum M8)": how every session is named in messages. */
static char *
session_label (Checker        *self,
               AuftaktSession *s)
{
  /* Translators: a session: workshop, round, room */
  return g_strdup_printf (_("%s in %s (%s)"),
                          workshop_name (self, auftakt_session_get_workshop (s)),
                          round_name (self, auftakt_session_get_round (s)),
                          room_name (self, auftakt_session_get_room (s)));
}

static void
check_session_names (Checker        *self,
                     AuftaktSession *s,
                     const char     *label)
{
  const char *w = auftakt_session_get_workshop (s);
  const char *r = auftakt_session_get_round (s);
  const char *m = auftakt_session_get_room (s);
  AuftaktAgendaItem *busy_with = NULL;

  if (w == NULL)
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names no workshop"), label);
  else if (!g_hash_table_contains (self->workshops, w))
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names the unknown workshop “%s”"), label, w);

  if (r == NULL)
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names no round"), label);
  else if (!g_hash_table_contains (self->rounds, r))
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names the unknown round “%s”"), label, r);

  if (m == NULL)
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names no room"), label);
  else if (!g_hash_table_contains (self->rooms, m))
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Session %s names the unknown room “%s”"), label, m);

  if (m != NULL && r != NULL && g_hash_table_contains (self->rooms, m) &&
      !auftakt_availability_room (self->availability, m, r, &busy_with))
    {
      if (busy_with != NULL)
        add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                       _("Room %s is used for “%s” during %s: session %s cannot take place"),
                       room_name (self, m), agenda_item_name (busy_with),
                       round_name (self, r), label);
      else
        add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                       _("Room %s is not available in %s: session %s cannot take place"),
                       room_name (self, m), round_name (self, r), label);
    }

  if (w != NULL && r != NULL && g_hash_table_contains (self->workshops, w) &&
      !auftakt_availability_workshop (self->availability, w, r))
    add_violation (self, AUFTAKT_CHECK_RULE_SESSION, w, r, m, NULL,
                   _("Workshop %s must not take place in %s"),
                   workshop_name (self, w), round_name (self, r));
}

static GPtrArray *
collect_people (Checker        *self,
                AuftaktSession *s,
                const char     *label)
{
  GPtrArray *people = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = auftakt_session_get_n_attendees (s);

  for (guint i = 0; i < n; i++)
    {
      const char *p = auftakt_session_get_attendance (s, i)->participant;
      guint count;

      /* an attendee without a participant is a format problem the reader reported */
      if (p == NULL)
        continue;

      if (!g_hash_table_contains (self->participants, p))
        {
          add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE,
                         auftakt_session_get_workshop (s), auftakt_session_get_round (s),
                         auftakt_session_get_room (s), p,
                         _("Session %s lists the unknown participant “%s”"), label, p);
          continue;
        }

      count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, p));
      if (count == 0)
        g_ptr_array_add (people, (gpointer) p);
      g_hash_table_insert (seen, (gpointer) p, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < people->len; i++)
    {
      const char *p = g_ptr_array_index (people, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, p));

      if (count > 1)
        add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE,
                       auftakt_session_get_workshop (s), auftakt_session_get_round (s),
                       auftakt_session_get_room (s), p,
                       _("%s is listed %u times in session %s"),
                       participant_name (self, p), count, label);
    }

  return people;
}

static char *
pair_key (const char *a,
          const char *b)
{
  return g_strconcat (a, "\x1f", b, NULL);
}

/* Rule 2: one session per room and round, one per workshop and round. */
static void
check_clashes (Checker    *self,
               GArray     *infos,
               gboolean    by_room)
{
  g_autoptr(GHashTable) groups =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < infos->len; i++)
    {
      AuftaktSession *s = g_array_index (infos, SessionInfo, i).session;
      const char *x = by_room ? auftakt_session_get_room (s) : auftakt_session_get_workshop (s);
      const char *r = auftakt_session_get_round (s);
      char *key;
      GPtrArray *group;

      if (x == NULL || r == NULL)
        continue;

      key = pair_key (x, r);
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, key, group);
          g_ptr_array_add (order, group);
        }
      else
        g_free (key);
      g_ptr_array_add (group, s);
    }

  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (order, i);
      AuftaktSession *first = g_ptr_array_index (group, 0);
      const char *r = auftakt_session_get_round (first);

      if (group->len < 2)
        continue;

      if (by_room)
        {
          const char *m = auftakt_session_get_room (first);

          add_violation (self, AUFTAKT_CHECK_RULE_CLASH, NULL, r, m, NULL,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Room %s is booked for %u session in %s",
                                      "Room %s is booked for %u sessions at once in %s",
                                      group->len),
                         room_name (self, m), group->len, round_name (self, r));
        }
      else
        {
          const char *w = auftakt_session_get_workshop (first);

          add_violation (self, AUFTAKT_CHECK_RULE_CLASH, w, r, NULL, NULL,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Workshop %s runs %u time in %s",
                                      "Workshop %s runs %u times at once in %s",
                                      group->len),
                         workshop_name (self, w), group->len, round_name (self, r));
        }
    }
}

static void
check_max_runs (Checker *self,
                GArray  *infos)
{
  g_autoptr(GHashTable) runs = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *workshops = G_LIST_MODEL (auftakt_event_get_workshops (self->event));
  guint n = g_list_model_get_n_items (workshops);

  for (guint i = 0; i < infos->len; i++)
    {
      const char *w = auftakt_session_get_workshop (g_array_index (infos, SessionInfo, i).session);

      if (w != NULL && g_hash_table_contains (self->workshops, w))
        g_hash_table_insert (runs, (gpointer) w,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (runs, w)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (workshops, i);
      const char *w = auftakt_workshop_get_id (workshop);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (runs, w));
      int max_runs = auftakt_event_get_workshop_max_runs (self->event, workshop);

      if (count > (guint) max_runs)
        add_violation (self, AUFTAKT_CHECK_RULE_CLASH, w, NULL, NULL, NULL,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Workshop %s runs %u times but may run only %d time",
                                    "Workshop %s runs %u times but may run only %d times",
                                    max_runs),
                       workshop_name (self, w), count, max_runs);
    }
}

/* Rule 3 */
static void
check_seats (Checker     *self,
             SessionInfo *info,
             const char  *label)
{
  AuftaktSession *s = info->session;
  const char *w = auftakt_session_get_workshop (s);
  const char *r = auftakt_session_get_round (s);
  const char *m = auftakt_session_get_room (s);
  AuftaktRoom *room = m ? g_hash_table_lookup (self->rooms, m) : NULL;
  AuftaktWorkshop *workshop = w ? g_hash_table_lookup (self->workshops, w) : NULL;
  guint n = info->people->len;

  if (n == 0)
    {
      add_violation (self, AUFTAKT_CHECK_RULE_SEATS, w, r, m, NULL,
                     _("Session %s has no attendees"), label);
      return;
    }

  if (room != NULL && n > (guint) auftakt_room_get_capacity (room))
    add_violation (self, AUFTAKT_CHECK_RULE_SEATS, w, r, m, NULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Room %s has %d seats, %u participant is assigned to %s",
                                "Room %s has %d seats, %u participants are assigned to %s",
                                n),
                   room_name (self, m), auftakt_room_get_capacity (room), n, label);

  if (workshop != NULL && auftakt_workshop_get_max (workshop) >= 0 &&
      n > (guint) auftakt_workshop_get_max (workshop))
    add_violation (self, AUFTAKT_CHECK_RULE_SEATS, w, r, m, NULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Session %s has %u attendee, the workshop takes at most %d",
                                "Session %s has %u attendees, the workshop takes at most %d",
                                n),
                   label, n, auftakt_workshop_get_max (workshop));

  if (workshop != NULL && n < (guint) auftakt_workshop_get_min (workshop))
    add_violation (self, AUFTAKT_CHECK_RULE_SEATS, w, r, m, NULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Session %s has %u attendee, the workshop needs at least %d",
                                "Session %s has %u attendees, the workshop needs at least %d",
                                n),
                   label, n, auftakt_workshop_get_min (workshop));
}

/* Rule 5 */
static void
check_referees (Checker *self,
                GArray  *infos)
{
  g_autoptr(GHashTable) busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < infos->len; i++)
    {
      AuftaktSession *s = g_array_index (infos, SessionInfo, i).session;
      const char *w = auftakt_session_get_workshop (s);
      const char *r = auftakt_session_get_round (s);
      AuftaktWorkshop *workshop = w ? g_hash_table_lookup (self->workshops, w) : NULL;
      const char * const *leads;

      if (workshop == NULL || r == NULL || !g_hash_table_contains (self->rounds, r))
        continue;

      leads = auftakt_workshop_get_leads (workshop);
      for (guint l = 0; leads[l] != NULL; l++)
        {
          AuftaktReferee *referee = auftakt_event_find_referee (self->event, leads[l]);
          const char *name = referee && auftakt_referee_get_name (referee)
                             ? auftakt_referee_get_name (referee) : leads[l];
          AuftaktAgendaItem *busy_with = NULL;
          char *key = pair_key (leads[l], r);
          const char *other = g_hash_table_lookup (busy, key);

          if (other != NULL)
            {
              if (!g_hash_table_contains (reported, key))
                add_violation (self, AUFTAKT_CHECK_RULE_REFEREE, w, r, NULL, NULL,
                               _("%s leads %s and %s, both in %s"),
                               name, workshop_name (self, other), workshop_name (self, w),
                               round_name (self, r));
              g_hash_table_add (reported, key);
            }
          else
            g_hash_table_insert (busy, key, (gpointer) w);

          if (!auftakt_availability_referee (self->availability, leads[l], r, &busy_with))
            {
              if (busy_with != NULL)
                add_violation (self, AUFTAKT_CHECK_RULE_REFEREE, w, r, NULL, NULL,
                               _("%s leads %s but speaks at “%s” during %s"),
                               name, workshop_name (self, w),
                               agenda_item_name (busy_with), round_name (self, r));
              else
                add_violation (self, AUFTAKT_CHECK_RULE_REFEREE, w, r, NULL, NULL,
                               _("%s leads %s but is not available in %s"),
                               name, workshop_name (self, w), round_name (self, r));
            }
        }
    }
}

static int
rank_of (AuftaktParticipant *participant,
         const char         *workshop)
{
  const char * const *choices = auftakt_participant_get_choices (participant);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], workshop) == 0)
      return (int) i + 1;

  return 0;
}

/* Rule 4, and the cost. */
static void
check_participants (Checker            *self,
                    GArray             *infos,
                    AuftaktCheckReport *report)
{
  GListModel *participants = G_LIST_MODEL (auftakt_event_get_participants (self->event));
  guint n = g_list_model_get_n_items (participants);
  int k = auftakt_event_get_workshops_per_participant (self->event);
  int unranked_cost = auftakt_event_get_unranked_cost (self->event);
  g_autoptr(GHashTable) attends =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < infos->len; i++)
    {
      SessionInfo *info = &g_array_index (infos, SessionInfo, i);

      for (guint j = 0; j < info->people->len; j++)
        {
          const char *p = g_ptr_array_index (info->people, j);
          GPtrArray *list = g_hash_table_lookup (attends, p);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (attends, (gpointer) p, list);
            }
          g_ptr_array_add (list, info->session);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) participant = g_list_model_get_item (participants, i);
      const char *p = auftakt_participant_get_id (participant);
      GPtrArray *got = g_hash_table_lookup (attends, p);
      guint n_got = got ? got->len : 0;
      gboolean top_k = (int) n_got == k, first = FALSE, unranked = FALSE;

      if ((int) n_got != k)
        add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE, NULL, NULL, NULL, p,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s attends %u workshop instead of %d",
                                    "%s attends %u workshops instead of %d",
                                    n_got),
                       participant_name (self, p), n_got, k);

      for (guint a = 0; a < n_got; a++)
        {
          AuftaktSession *s = g_ptr_array_index (got, a);
          const char *w = auftakt_session_get_workshop (s);
          const char *r = auftakt_session_get_round (s);
          int rank = rank_of (participant, w);
          gboolean round_seen = FALSE, workshop_seen = FALSE;

          for (guint b = 0; b < a; b++)
            {
              AuftaktSession *t = g_ptr_array_index (got, b);

              round_seen |= g_strcmp0 (auftakt_session_get_round (t), r) == 0;
              workshop_seen |= g_strcmp0 (auftakt_session_get_workshop (t), w) == 0;
            }
          /* report each clash once, at its second occurrence */
          if (!round_seen)
            {
              guint same = 1;

              for (guint b = a + 1; b < n_got; b++)
                same += g_strcmp0 (auftakt_session_get_round (g_ptr_array_index (got, b)), r) == 0;
              if (same > 1)
                add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE, NULL, r, NULL, p,
                               _("%s attends %u sessions at once in %s"),
                               participant_name (self, p), same, round_name (self, r));
            }
          if (!workshop_seen)
            {
              guint same = 1;

              for (guint b = a + 1; b < n_got; b++)
                same += g_strcmp0 (auftakt_session_get_workshop (g_ptr_array_index (got, b)),
                                   w) == 0;
              if (same > 1)
                add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE, w, NULL, NULL, p,
                               _("%s attends workshop %s %u times"),
                               participant_name (self, p), workshop_name (self, w), same);
            }

          if (r != NULL && !auftakt_availability_participant (self->availability, p, r))
            add_violation (self, AUFTAKT_CHECK_RULE_ATTENDANCE, w, r, NULL, p,
                           _("%s is not available in %s but is assigned to %s"),
                           participant_name (self, p), round_name (self, r),
                           workshop_name (self, w));

          if (rank == 0)
            {
              report->cost += unranked_cost;
              unranked = TRUE;
              top_k = FALSE;
            }
          else
            {
              report->cost += (gint64) (rank - 1) * (rank - 1);
              first |= rank == 1;
              if (rank > k)
                top_k = FALSE;
            }
        }

      report->n_top_k += top_k;
      report->n_first_choice += first;
      report->n_unranked += unranked;
    }
}

AuftaktCheckReport *
auftakt_check_schedule (AuftaktEvent    *event,
                        AuftaktSchedule *schedule,
                        GPtrArray       *format_problems)
{
  AuftaktCheckReport *report = g_new0 (AuftaktCheckReport, 1);
  g_autoptr(GArray) infos = g_array_new (FALSE, TRUE, sizeof (SessionInfo));
  Checker self = { 0 };
  guint n_sessions;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);
  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (schedule), NULL);

  report->violations = g_ptr_array_new_with_free_func (violation_free);
  self.event = event;
  self.violations = report->violations;
  self.availability = auftakt_availability_new (event);
  self.rounds = index_list (auftakt_event_get_rounds (event), (gpointer) auftakt_round_get_id);
  self.rooms = index_list (auftakt_event_get_rooms (event), (gpointer) auftakt_room_get_id);
  self.workshops = index_list (auftakt_event_get_workshops (event),
                               (gpointer) auftakt_workshop_get_id);
  self.participants = index_list (auftakt_event_get_participants (event),
                                  (gpointer) auftakt_participant_get_id);

  for (guint i = 0; format_problems != NULL && i < format_problems->len; i++)
    add_violation (&self, AUFTAKT_CHECK_RULE_FORMAT, NULL, NULL, NULL, NULL,
                   "%s", (const char *) g_ptr_array_index (format_problems, i));

  n_sessions = auftakt_schedule_get_n_sessions (schedule);
  for (guint i = 0; i < n_sessions; i++)
    {
      SessionInfo info;
      g_autofree char *label = NULL;

      info.session = auftakt_schedule_get_session (schedule, i);
      label = session_label (&self, info.session);
      check_session_names (&self, info.session, label);
      info.people = collect_people (&self, info.session, label);
      g_array_append_val (infos, info);
    }

  check_clashes (&self, infos, TRUE);
  check_clashes (&self, infos, FALSE);
  check_max_runs (&self, infos);

  for (guint i = 0; i < infos->len; i++)
    {
      SessionInfo *info = &g_array_index (infos, SessionInfo, i);
      g_autofree char *label = session_label (&self, info->session);

      check_seats (&self, info, label);
    }

  check_participants (&self, infos, report);
  check_referees (&self, infos);

  report->valid = report->violations->len == 0;
  report->n_participants =
    g_list_model_get_n_items (G_LIST_MODEL (auftakt_event_get_participants (event)));
  report->n_sessions = n_sessions;

  for (guint i = 0; i < infos->len; i++)
    g_ptr_array_unref (g_array_index (infos, SessionInfo, i).people);
  g_hash_table_unref (self.rounds);
  g_hash_table_unref (self.rooms);
  g_hash_table_unref (self.workshops);
  g_hash_table_unref (self.participants);
  auftakt_availability_free (self.availability);

  return report;
}

void
auftakt_check_report_free (AuftaktCheckReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->violations, g_ptr_array_unref);
  g_free (report);
}

static char *
format_share (guint part,
              guint whole)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* check.py divides by 1 when there are no participants */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f",
                                    (double) part / (whole ? whole : 1)));
}

/* The last line of `check`, in check.py's form and never translated. */
char *
auftakt_check_report_to_machine_line (AuftaktCheckReport *report)
{
  g_autofree char *top_k = format_share (report->n_top_k, report->n_participants);
  g_autofree char *unranked = format_share (report->n_unranked, report->n_participants);

  return g_strdup_printf ("valid=%d cost=%" G_GINT64_FORMAT " top_k_share=%s unranked_share=%s"
                          " participants=%u sessions=%u",
                          report->valid ? 1 : 0, report->cost, top_k, unranked,
                          report->n_participants, report->n_sessions);
}

char *
auftakt_check_unreadable_machine_line (void)
{
  return g_strdup ("valid=0 cost=NA top_k_share=NA unranked_share=NA participants=NA sessions=NA");
}
