/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-problem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-problem.h"

G_DEFINE_QUARK (auftakt-problem-error-quark, auftakt_problem_error)

static char *
dup_name (const char *name,
          const char *id)
{
  return g_strdup (name != NULL && *name != '\0' ? name : id);
}

/* Index + 1 in the table, so that 0 means "none". */
static gboolean
index_ids (GHashTable  *table,
           char       **ids,
           int          n,
           const char  *kind,
           GError     **error)
{
  for (int i = 0; i < n; i++)
    {
      if (g_hash_table_contains (table, ids[i]))
        {
          g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_DUPLICATE,
                       /* Translators: the first %s is a kind of thing (room, workshop, ...) */
                       _("Two entries of kind “%s” have the id “%s”"), kind, ids[i]);
          return FALSE;
        }
      g_hash_table_insert (table, ids[i], GINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static int
lookup (GHashTable *table,
        const char *id)
{
  return id != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (table, id)) - 1 : -1;
}

static gboolean
rounds_mask (GHashTable          *rounds,
             const char * const  *ids,
             const char          *owner,
             guint64             *mask,
             GError             **error)
{
  *mask = 0;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int r = lookup (rounds, ids[i]);

      if (r < 0)
        {
          g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_REFERENCE,
                       _("“%s” is unavailable in round “%s”, which does not exist"),
                       owner, ids[i]);
          return FALSE;
        }
      *mask |= G_GUINT64_CONSTANT (1) << r;
    }
  return TRUE;
}

static void
build_classes (AuftaktProblem *pb)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree int *fill = NULL;
  int P = pb->n_participants, W = pb->n_workshops;

  pb->participant_class = g_new (int, P);
  for (int p = 0; p < P; p++)
    {
      gpointer value;

      g_string_printf (key, "%" G_GINT64_MODIFIER "x", pb->participant_rounds[p]);
      for (int i = pb->choice_start[p]; i < pb->choice_start[p + 1]; i++)
        g_string_append_printf (key, ",%d", pb->choices[i]);
      if (g_hash_table_lookup_extended (seen, key->str, NULL, &value))
        pb->participant_class[p] = GPOINTER_TO_INT (value);
      else
        {
          pb->participant_class[p] = pb->n_classes++;
          g_hash_table_insert (seen, g_strdup (key->str), GINT_TO_POINTER (pb->participant_class[p]));
        }
    }

  pb->class_size = g_new0 (int, pb->n_classes);
  pb->class_start = g_new0 (int, pb->n_classes + 1);
  pb->class_members = g_new (int, MAX (P, 1));
  pb->class_cost = g_new (int, (gsize) pb->n_classes * W + 1);
  for (int p = 0; p < P; p++)
    pb->class_size[pb->participant_class[p]]++;
  for (int c = 0; c < pb->n_classes; c++)
    pb->class_start[c + 1] = pb->class_start[c] + pb->class_size[c];
  fill = g_memdup2 (pb->class_start, sizeof (int) * (pb->n_classes + 1));
  pb->max_cost = pb->unranked_cost;
  for (int p = 0; p < P; p++)
    {
      int c = pb->participant_class[p];

      if (fill[c] == pb->class_start[c])
        {
          int *row = pb->class_cost + (gsize) c * W;

          for (int w = 0; w < W; w++)
            row[w] = pb->unranked_cost;
          for (int i = pb->choice_start[p]; i < pb->choice_start[p + 1]; i++)
            {
              int rank = i - pb->choice_start[p] + 1;

              row[pb->choices[i]] = (rank - 1) * (rank - 1);
              pb->max_cost = MAX (pb->max_cost, row[pb->choices[i]]);
            }
        }
      pb->class_members[fill[c]++] = p;
    }
}

static void
read_published (AuftaktProblem  *pb,
                AuftaktSchedule *published,
                GHashTable      *rounds,
                GHashTable      *rooms)
{
  guint n = auftakt_schedule_get_n_sessions (published);
  int R = pb->n_rounds;

  pb->has_published = TRUE;
  pb->lock_clashes = g_array_new (FALSE, FALSE, sizeof (AuftaktLockClash));
  pb->published_room = g_new (int, (gsize) pb->n_workshops * R + 1);
  pb->session_locked = g_new0 (guint8, (gsize) pb->n_workshops * R + 1);
  pb->published_workshop = g_new (int, (gsize) pb->n_participants * R + 1);
  pb->attendance_locked = g_new0 (guint8, (gsize) pb->n_participants * R + 1);
  for (gsize i = 0; i < (gsize) pb->n_workshops * R; i++)
    pb->published_room[i] = -1;
  for (gsize i = 0; i < (gsize) pb->n_participants * R; i++)
    pb->published_workshop[i] = -1;

  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (published, i);
      int w = auftakt_problem_find_workshop (pb, auftakt_session_get_workshop (session));
      int r = lookup (rounds, auftakt_session_get_round (session));
      int m = lookup (rooms, auftakt_session_get_room (session));
      guint n_attendees = auftakt_session_get_n_attendees (session);

      if (w < 0 || r < 0 || m < 0 || pb->published_room[w * R + r] >= 0)
        {
          pb->n_published_dropped++;
          continue;
        }
      pb->published_room[w * R + r] = m;
      pb->session_locked[w * R + r] = auftakt_session_get_locked (session);
      for (guint j = 0; j < n_attendees; j++)
        {
          const AuftaktAttendance *attendance = auftakt_session_get_attendance (session, j);
          int p = auftakt_problem_find_participant (pb, attendance->participant);

          if (p >= 0 && pb->published_workshop[p * R + r] >= 0 && attendance->locked &&
              pb->attendance_locked[p * R + r])
            {
              AuftaktLockClash clash = { p, r, pb->published_workshop[p * R + r], w };

              g_array_append_val (pb->lock_clashes, clash);
            }
          if (p < 0 || pb->published_workshop[p * R + r] >= 0)
            {
              pb->n_published_dropped++;
              continue;
            }
          pb->published_workshop[p * R + r] = w;
          pb->attendance_locked[p * R + r] = attendance->locked;
        }
    }
}

/**
 * auftakt_problem_new:
 * @event: the event
 * @published: (nullable): the published schedule, whose locks are kept and
 *   which a re-solve changes as little as possible
 * @error: return location for an error
 *
 * Compiles @event into index arrays.  Fails only on an event whose
 * references cannot be resolved, or one the arrays cannot hold.
 */
AuftaktProblem *
auftakt_problem_new (AuftaktEvent    *event,
                     AuftaktSchedule *published,
                     GError         **error)
{
  g_autoptr(AuftaktProblem) pb = g_new0 (AuftaktProblem, 1);
  g_autoptr(GHashTable) rounds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rooms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) referees = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (int));
  GListModel *list;
  int R, M, W, F, P;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);
  g_return_val_if_fail (published == NULL || AUFTAKT_IS_SCHEDULE (published), NULL);

  pb->workshop_index = g_hash_table_new (g_str_hash, g_str_equal);
  pb->participant_index = g_hash_table_new (g_str_hash, g_str_equal);
  pb->k = auftakt_event_get_workshops_per_participant (event);
  pb->unranked_cost = auftakt_event_get_unranked_cost (event);
  if (pb->k < 1 || pb->unranked_cost < 0)
    {
      g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_INVALID,
                   _("Workshops per participant must be at least 1 and the cost of an unranked "
                     "workshop must not be negative"));
      return NULL;
    }

  list = G_LIST_MODEL (auftakt_event_get_rounds (event));
  pb->n_rounds = R = g_list_model_get_n_items (list);
  if (R > AUFTAKT_PROBLEM_MAX_ROUNDS)
    {
      g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_TOO_MANY_ROUNDS,
                   _("The event has %d rounds; the scheduler handles at most %d"),
                   R, AUFTAKT_PROBLEM_MAX_ROUNDS);
      return NULL;
    }
  if (R == 0)
    {
      g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_EMPTY,
                   _("The event has no rounds"));
      return NULL;
    }
  pb->round_ids = g_new0 (char *, R + 1);
  pb->round_names = g_new0 (char *, R + 1);
  for (int r = 0; r < R; r++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (list, r);

      pb->round_ids[r] = g_strdup (auftakt_round_get_id (round));
      pb->round_names[r] = dup_name (auftakt_round_get_title (round), pb->round_ids[r]);
    }
  if (!index_ids (rounds, pb->round_ids, R, "round", error))
    return NULL;

  list = G_LIST_MODEL (auftakt_event_get_rooms (event));
  pb->n_rooms = M = g_list_model_get_n_items (list);
  pb->room_ids = g_new0 (char *, M + 1);
  pb->room_names = g_new0 (char *, M + 1);
  pb->room_capacity = g_new0 (int, M + 1);
  pb->room_rounds = g_new0 (guint64, M + 1);
  for (int m = 0; m < M; m++)
    {
      g_autoptr(AuftaktRoom) room = g_list_model_get_item (list, m);
      guint64 off;

      pb->room_ids[m] = g_strdup (auftakt_room_get_id (room));
      pb->room_names[m] = dup_name (auftakt_room_get_name (room), pb->room_ids[m]);
      pb->room_capacity[m] = MAX (0, auftakt_room_get_capacity (room));
      if (!rounds_mask (rounds, auftakt_room_get_unavailable (room), pb->room_ids[m], &off, error))
        return NULL;
      pb->room_rounds[m] = ~off & ((R == 64) ? ~G_GUINT64_CONSTANT (0)
                                             : (G_GUINT64_CONSTANT (1) << R) - 1);
    }
  if (!index_ids (rooms, pb->room_ids, M, "room", error))
    return NULL;

  list = G_LIST_MODEL (auftakt_event_get_referees (event));
  pb->n_referees = F = g_list_model_get_n_items (list);
  pb->referee_ids = g_new0 (char *, F + 1);
  pb->referee_names = g_new0 (char *, F + 1);
  pb->referee_off = g_new0 (guint64, F + 1);
  for (int f = 0; f < F; f++)
    {
      g_autoptr(AuftaktReferee) referee = g_list_model_get_item (list, f);

      pb->referee_ids[f] = g_strdup (auftakt_referee_get_id (referee));
      pb->referee_names[f] = dup_name (auftakt_referee_get_name (referee), pb->referee_ids[f]);
      if (!rounds_mask (rounds, auftakt_referee_get_unavailable (referee), pb->referee_ids[f],
                        &pb->referee_off[f], error))
        return NULL;
    }
  if (!index_ids (referees, pb->referee_ids, F, "referee", error))
    return NULL;

  list = G_LIST_MODEL (auftakt_event_get_workshops (event));
  pb->n_workshops = W = g_list_model_get_n_items (list);
  pb->workshop_ids = g_new0 (char *, W + 1);
  pb->workshop_titles = g_new0 (char *, W + 1);
  pb->workshop_min = g_new0 (int, W + 1);
  pb->workshop_max = g_new0 (int, W + 1);
  pb->workshop_max_runs = g_new0 (int, W + 1);
  pb->workshop_off = g_new0 (guint64, W + 1);
  pb->workshop_rounds = g_new0 (guint64, W + 1);
  pb->lead_start = g_new0 (int, W + 1);
  for (int w = 0; w < W; w++)
    {
      g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (list, w);
      const char * const *ids = auftakt_workshop_get_leads (workshop);
      guint64 off;

      pb->workshop_ids[w] = g_strdup (auftakt_workshop_get_id (workshop));
      pb->workshop_titles[w] = dup_name (auftakt_workshop_get_title (workshop), pb->workshop_ids[w]);
      pb->workshop_min[w] = MAX (0, auftakt_workshop_get_min (workshop));
      pb->workshop_max[w] = auftakt_workshop_get_max (workshop) < 0
                            ? AUFTAKT_PROBLEM_UNLIMITED : auftakt_workshop_get_max (workshop);
      pb->workshop_max_runs[w] = MAX (0, auftakt_event_get_workshop_max_runs (event, workshop));
      if (!rounds_mask (rounds, auftakt_workshop_get_unavailable (workshop), pb->workshop_ids[w],
                        &pb->workshop_off[w], error))
        return NULL;
      off = pb->workshop_off[w];
      pb->lead_start[w] = leads->len;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          int f = lookup (referees, ids[i]);
          gboolean twice = FALSE;

          if (f < 0)
            {
              g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_REFERENCE,
                           _("Workshop “%s” is led by “%s”, who is not a referee of the event"),
                           pb->workshop_ids[w], ids[i]);
              return NULL;
            }
          for (guint j = pb->lead_start[w]; j < leads->len; j++)
            twice |= g_array_index (leads, int, j) == f;
          if (twice)
            continue;
          g_array_append_val (leads, f);
          off |= pb->referee_off[f];
        }
      pb->workshop_rounds[w] = ~off & ((R == 64) ? ~G_GUINT64_CONSTANT (0)
                                                 : (G_GUINT64_CONSTANT (1) << R) - 1);
    }
  pb->lead_start[W] = leads->len;
  pb->leads = (int *) g_array_free (g_steal_pointer (&leads), FALSE);
  if (!index_ids (pb->workshop_index, pb->workshop_ids, W, "workshop", error))
    return NULL;

  list = G_LIST_MODEL (auftakt_event_get_participants (event));
  pb->n_participants = P = g_list_model_get_n_items (list);
  pb->participant_ids = g_new0 (char *, P + 1);
  pb->participant_names = g_new0 (char *, P + 1);
  pb->participant_rounds = g_new0 (guint64, P + 1);
  pb->choice_start = g_new0 (int, P + 1);
  for (int p = 0; p < P; p++)
    {
      g_autoptr(AuftaktParticipant) participant = g_list_model_get_item (list, p);
      const char * const *ids = auftakt_participant_get_choices (participant);
      guint64 off;

      pb->participant_ids[p] = g_strdup (auftakt_participant_get_id (participant));
      pb->participant_names[p] = dup_name (auftakt_participant_get_name (participant),
                                           pb->participant_ids[p]);
      if (!rounds_mask (rounds, auftakt_participant_get_unavailable (participant),
                        pb->participant_ids[p], &off, error))
        return NULL;
      pb->participant_rounds[p] = ~off & ((R == 64) ? ~G_GUINT64_CONSTANT (0)
                                                    : (G_GUINT64_CONSTANT (1) << R) - 1);
      pb->choice_start[p] = choices->len;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          int w = auftakt_problem_find_workshop (pb, ids[i]);
          gboolean twice = FALSE;

          if (w < 0)
            {
              g_set_error (error, AUFTAKT_PROBLEM_ERROR, AUFTAKT_PROBLEM_ERROR_REFERENCE,
                           _("Participant “%s” chose “%s”, which is not a workshop of the event"),
                           pb->participant_ids[p], ids[i]);
              return NULL;
            }
          /* a workshop chosen twice keeps its better rank */
          for (guint j = pb->choice_start[p]; j < choices->len; j++)
            twice |= g_array_index (choices, int, j) == w;
          if (!twice)
            g_array_append_val (choices, w);
        }
    }
  pb->choice_start[P] = choices->len;
  pb->choices = (int *) g_array_free (g_steal_pointer (&choices), FALSE);
  if (!index_ids (pb->participant_index, pb->participant_ids, P, "participant", error))
    return NULL;

  build_classes (pb);

  if (published != NULL)
    read_published (pb, published, rounds, rooms);

  return g_steal_pointer (&pb);
}

void
auftakt_problem_free (AuftaktProblem *pb)
{
  if (pb == NULL)
    return;

  g_clear_pointer (&pb->workshop_index, g_hash_table_unref);
  g_clear_pointer (&pb->participant_index, g_hash_table_unref);
  g_strfreev (pb->round_ids);
  g_strfreev (pb->round_names);
  g_strfreev (pb->room_ids);
  g_strfreev (pb->room_names);
  g_free (pb->room_capacity);
  g_free (pb->room_rounds);
  g_strfreev (pb->workshop_ids);
  g_strfreev (pb->workshop_titles);
  g_free (pb->workshop_min);
  g_free (pb->workshop_max);
  g_free (pb->workshop_max_runs);
  g_free (pb->workshop_off);
  g_free (pb->workshop_rounds);
  g_free (pb->lead_start);
  g_free (pb->leads);
  g_strfreev (pb->referee_ids);
  g_strfreev (pb->referee_names);
  g_free (pb->referee_off);
  g_strfreev (pb->participant_ids);
  g_strfreev (pb->participant_names);
  g_free (pb->participant_rounds);
  g_free (pb->choice_start);
  g_free (pb->choices);
  g_free (pb->participant_class);
  g_free (pb->class_size);
  g_free (pb->class_start);
  g_free (pb->class_members);
  g_free (pb->class_cost);
  g_free (pb->published_room);
  g_free (pb->session_locked);
  g_free (pb->published_workshop);
  g_free (pb->attendance_locked);
  g_clear_pointer (&pb->lock_clashes, g_array_unref);
  g_free (pb);
}

/* -1 if there is no such workshop. */
int
auftakt_problem_find_workshop (const AuftaktProblem *pb,
                               const char           *id)
{
  return lookup (pb->workshop_index, id);
}

/* -1 if there is no such participant. */
int
auftakt_problem_find_participant (const AuftaktProblem *pb,
                                  const char           *id)
{
  return lookup (pb->participant_index, id);
}

/* The rank the participant gave the workshop (1 is the best), or 0. */
int
auftakt_problem_rank (const AuftaktProblem *pb,
                      int                   p,
                      int                   w)
{
  for (int i = pb->choice_start[p]; i < pb->choice_start[p + 1]; i++)
    if (pb->choices[i] == w)
      return i - pb->choice_start[p] + 1;
  return 0;
}

/* The seats of a session of the workshop in the room. */
int
auftakt_problem_seats (const AuftaktProblem *pb,
                       int                   w,
                       int                   m)
{
  return MIN (pb->room_capacity[m], pb->workshop_max[w]);
}

/* The fewest attendees a session of the workshop may have. */
int
auftakt_problem_lowest (const AuftaktProblem *pb,
                        int                   w)
{
  return MAX (1, pb->workshop_min[w]);
}
