/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "auftakt-solver-private.h"

/* Why no valid schedule exists, in sentences an organiser can act on.
 *
 * The structural checks are proofs: each names a rule that no schedule can
 * keep (a participant there in too few rounds, clashing locks, a round whose
 * rooms cannot seat everyone who must attend it, even counting every room
 * at its best).  When they find nothing, the best partial schedule of the
 * search says where it fell short. */

static void
add (GPtrArray  *explanations,
     char       *line)
{
  for (guint i = 0; i < explanations->len; i++)
    if (g_str_equal (g_ptr_array_index (explanations, i), line))
      {
        g_free (line);
        return;
      }
  g_ptr_array_add (explanations, line);
}

static char *
round_list (const AuftaktProblem *pb,
            guint64               mask)
{
  GString *text = g_string_new (NULL);

  for (int r = 0; r < pb->n_rounds; r++)
    if (mask & BIT (r))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, pb->round_names[r]);
      }
  if (text->len == 0)
    /* Translators: the list of rounds someone is available in, when empty */
    g_string_append (text, _("no round"));
  return g_string_free (text, FALSE);
}

/* Why workshop w cannot run in round r: -1 if it can (as far as rooms,
 * referees and the workshop go); else fills *referee (or -1). */
static gboolean
cannot_run (const AuftaktProblem *pb,
            int                   w,
            int                   r,
            int                  *referee)
{
  *referee = -1;
  if (pb->workshop_rounds[w] & BIT (r))
    return FALSE;
  for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
    if (pb->referee_off[pb->leads[i]] & BIT (r))
      *referee = pb->leads[i];
  return TRUE;
}

static void
explain_cannot_run (const AuftaktProblem *pb,
                    int                   w,
                    int                   r,
                    const char           *why,
                    GPtrArray            *explanations)
{
  int f;

  if (!cannot_run (pb, w, r, &f))
    return;
  if (f >= 0)
    /* Translators: referee, workshop id and title, the reason (e.g. "has locked attendees"), round */
    add (explanations, g_strdup_printf (_("Referee %s leads %s %s, which %s in %s, but is "
                                          "unavailable in that round"),
                                        pb->referee_names[f], pb->workshop_ids[w],
                                        pb->workshop_titles[w], why, pb->round_names[r]));
  else
    add (explanations, g_strdup_printf (_("%s %s %s in %s, but the workshop is unavailable "
                                          "in that round"),
                                        pb->workshop_ids[w], pb->workshop_titles[w], why,
                                        pb->round_names[r]));
}

static void
explain_locks (const AuftaktProblem *pb,
               GPtrArray            *explanations)
{
  int R = pb->n_rounds, W = pb->n_workshops;
  g_autofree int *locked_runs = g_new0 (int, W + 1);
  g_autofree guint8 *required = g_new0 (guint8, W * R + 1);

  if (!pb->has_published)
    return;

  for (guint i = 0; i < pb->lock_clashes->len; i++)
    {
      AuftaktLockClash *c = &g_array_index (pb->lock_clashes, AuftaktLockClash, i);

      add (explanations, g_strdup_printf (_("Participant %s %s has two locked workshops in %s: "
                                            "%s and %s"),
                                          pb->participant_ids[c->participant],
                                          pb->participant_names[c->participant],
                                          pb->round_names[c->round],
                                          pb->workshop_titles[c->workshop],
                                          pb->workshop_titles[c->other]));
    }

  for (int p = 0; p < pb->n_participants; p++)
    {
      int n = 0;

      for (int r = 0; r < R; r++)
        {
          int w = pb->published_workshop[p * R + r];

          if (w < 0 || !pb->attendance_locked[p * R + r])
            continue;
          n++;
          required[w * R + r] = 1;
          if (!(pb->participant_rounds[p] & BIT (r)))
            add (explanations, g_strdup_printf (_("Participant %s %s is locked into %s in %s but "
                                                  "is not there in that round"),
                                                pb->participant_ids[p], pb->participant_names[p],
                                                pb->workshop_titles[w], pb->round_names[r]));
          for (int r2 = r + 1; r2 < R; r2++)
            if (pb->published_workshop[p * R + r2] == w && pb->attendance_locked[p * R + r2])
              add (explanations, g_strdup_printf (_("Participant %s %s is locked into %s twice, "
                                                    "in %s and in %s"),
                                                  pb->participant_ids[p],
                                                  pb->participant_names[p],
                                                  pb->workshop_titles[w], pb->round_names[r],
                                                  pb->round_names[r2]));
          explain_cannot_run (pb, w, r, _("has locked attendees"), explanations);
        }
      if (n > pb->k)
        add (explanations, g_strdup_printf (_("Participant %s %s has %d locked workshops, but "
                                              "attends only %d"),
                                            pb->participant_ids[p], pb->participant_names[p],
                                            n, pb->k));
    }

  for (int s = 0; s < W * R; s++)
    {
      int w = s / R, r = s % R, m = pb->published_room[s];

      if (m < 0 || !pb->session_locked[s])
        continue;
      required[s] = 1;
      locked_runs[w]++;
      if (!(pb->room_rounds[m] & BIT (r)))
        add (explanations, g_strdup_printf (_("The locked session of %s %s in %s is in %s, which "
                                              "is unavailable in that round"),
                                            pb->workshop_ids[w], pb->workshop_titles[w],
                                            pb->round_names[r], pb->room_names[m]));
      if (auftakt_problem_seats (pb, w, m) < auftakt_problem_lowest (pb, w))
        add (explanations, g_strdup_printf (_("The locked session of %s %s in %s is in %s, which "
                                              "has fewer seats than its minimum of %d"),
                                            pb->workshop_ids[w], pb->workshop_titles[w],
                                            pb->round_names[r], pb->room_names[m],
                                            auftakt_problem_lowest (pb, w)));
      explain_cannot_run (pb, w, r, _("is locked"), explanations);
      for (int s2 = s + 1; s2 < W * R; s2++)
        if (s2 % R == r && pb->published_room[s2] == m && pb->session_locked[s2])
          add (explanations, g_strdup_printf (_("%s and %s are both locked in %s in %s"),
                                              pb->workshop_titles[w],
                                              pb->workshop_titles[s2 / R],
                                              pb->room_names[m], pb->round_names[r]));
    }
  for (int w = 0; w < W; w++)
    if (locked_runs[w] > pb->workshop_max_runs[w])
      add (explanations, g_strdup_printf (_("%s %s has %d locked sessions but may run only %d "
                                            "times"),
                                          pb->workshop_ids[w], pb->workshop_titles[w],
                                          locked_runs[w], pb->workshop_max_runs[w]));

  /* a referee whose workshops must run twice in one round */
  for (int w = 0; w < W; w++)
    for (int w2 = w + 1; w2 < W; w2++)
      for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
        for (int j = pb->lead_start[w2]; j < pb->lead_start[w2 + 1]; j++)
          {
            if (pb->leads[i] != pb->leads[j])
              continue;
            for (int r = 0; r < R; r++)
              if (required[w * R + r] && required[w2 * R + r])
                add (explanations,
                     g_strdup_printf (_("Referee %s leads %s and %s, which must both run in %s"),
                                      pb->referee_names[pb->leads[i]], pb->workshop_titles[w],
                                      pb->workshop_titles[w2], pb->round_names[r]));
          }
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x == y ? 0 : x > y ? -1 : 1;
}

/* At most how many seats round r can offer: every open room with one of the
 * workshops that may run there, biggest room with the biggest max (for
 * seats = min (capacity, max) that matching is the best); with
 * with_referees, workshops that share referees count at most as often as
 * they have referees; without with_absences, as if every referee were
 * there.  Mins are ignored, so this is an upper bound. */
static gint64
round_seats (const AuftaktProblem *pb,
             int                   r,
             gboolean              with_referees,
             gboolean              with_absences)
{
  int W = pb->n_workshops, M = pb->n_rooms, F = pb->n_referees;
  g_autofree int *caps = g_new (int, M + 1);
  g_autofree int *maxes = g_new (int, W + 1);
  g_autofree int *component = g_new (int, W + F + 1);
  int n_caps = 0, n_maxes = 0;
  gint64 seats = 0;

  for (int m = 0; m < M; m++)
    if (pb->room_rounds[m] & BIT (r))
      caps[n_caps++] = pb->room_capacity[m];

  /* components of workshops linked by shared referees (union-find over
   * workshops 0..W-1 and referees W..W+F-1) */
  for (int i = 0; i < W + F; i++)
    component[i] = i;
  if (with_referees)
    for (int w = 0; w < W; w++)
      for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
        {
          int a = w, b = W + pb->leads[i];

          while (component[a] != a)
            a = component[a] = component[component[a]];
          while (component[b] != b)
            b = component[b] = component[component[b]];
          component[a] = b;
        }
  for (int w = 0; w < W; w++)
    if ((with_absences ? (pb->workshop_rounds[w] & BIT (r)) : !(pb->workshop_off[w] & BIT (r))) &&
        (!with_referees || pb->lead_start[w] == pb->lead_start[w + 1]))
      maxes[n_maxes++] = pb->workshop_max[w];
  if (with_referees)
    {
      /* per component: its best workshops, as many as it has referees */
      g_autofree guint8 *done = g_new0 (guint8, W + F + 1);

      for (int w = 0; w < W; w++)
        {
          int root = w, n_ref = 0, n_ws = 0;
          g_autofree int *best = NULL;

          if (pb->lead_start[w] == pb->lead_start[w + 1])
            continue;
          while (component[root] != root)
            root = component[root];
          if (done[root])
            continue;
          done[root] = 1;
          best = g_new (int, W + 1);
          for (int f = 0; f < F; f++)
            {
              int rf = W + f;

              while (component[rf] != rf)
                rf = component[rf];
              n_ref += rf == root && !(pb->referee_off[f] & BIT (r));
            }
          for (int w2 = 0; w2 < W; w2++)
            {
              int rw = w2;

              while (component[rw] != rw)
                rw = component[rw];
              if (rw == root && (pb->workshop_rounds[w2] & BIT (r)))
                best[n_ws++] = pb->workshop_max[w2];
            }
          qsort (best, n_ws, sizeof (int), compare_desc);
          for (int i = 0; i < MIN (n_ws, n_ref); i++)
            maxes[n_maxes++] = best[i];
        }
    }
  qsort (caps, n_caps, sizeof (int), compare_desc);
  qsort (maxes, n_maxes, sizeof (int), compare_desc);
  for (int i = 0; i < MIN (n_caps, n_maxes); i++)
    seats += MIN (caps[i], maxes[i]);
  return seats;
}

/* Referees who keep workshops out of round r: away then, or leading
 * several workshops of which only one can run at a time. */
static void
explain_referees (const AuftaktProblem *pb,
                  int                   r,
                  GPtrArray            *explanations)
{
  for (int f = 0; f < pb->n_referees; f++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      int n = 0;

      for (int w = 0; w < pb->n_workshops; w++)
        for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
          if (pb->leads[i] == f && !(pb->workshop_off[w] & BIT (r)))
            {
              if (n > 0)
                g_string_append (names, _(" and "));
              g_string_append_printf (names, "%s %s", pb->workshop_ids[w], pb->workshop_titles[w]);
              n++;
            }
      if (n == 0)
        continue;
      if (pb->referee_off[f] & BIT (r))
        {
          int all = pb->n_rounds;
          guint64 on = ~pb->referee_off[f] & (all == 64 ? ~G_GUINT64_CONSTANT (0)
                                                        : (G_GUINT64_CONSTANT (1) << all) - 1);
          g_autofree char *rounds = round_list (pb, on);

          /* Translators: referee, the workshops they lead, the rounds they are there */
          add (explanations, g_strdup_printf (_("Referee %s leads %s but is only available in %s"),
                                              pb->referee_names[f], names->str, rounds));
        }
      else if (n > 1)
        add (explanations, g_strdup_printf (_("Referee %s leads %s, so only one of them can run "
                                              "in each round"),
                                            pb->referee_names[f], names->str));
    }
}

static void
explain_seats (const AuftaktProblem *pb,
               GPtrArray            *explanations)
{
  int R = pb->n_rounds, P = pb->n_participants;
  g_autofree gint64 *forced = g_new0 (gint64, R);
  g_autofree gint64 *available = g_new0 (gint64, R);
  gint64 total = 0, need = (gint64) P * pb->k, total_ref = 0;

  for (int p = 0; p < P; p++)
    {
      guint64 mask = pb->participant_rounds[p];

      for (int r = 0; r < R; r++)
        if (mask & BIT (r))
          {
            available[r]++;
            if (__builtin_popcountll (mask) <= pb->k)
              forced[r]++;
          }
    }
  for (int r = 0; r < R; r++)
    {
      gint64 plain = round_seats (pb, r, FALSE, FALSE);
      gint64 with_ref = round_seats (pb, r, TRUE, TRUE);

      total += MIN (plain, available[r]);
      total_ref += MIN (with_ref, available[r]);
      if (forced[r] > with_ref)
        {
          add (explanations,
               /* Translators: round: shortfall; the participants who are
                * there in no more rounds than they attend; the seats */
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %" PRId64 " seat too few: those who "
                                             "must attend it need %" PRId64
                                             ", the rooms seat at most %" PRId64,
                                             "%s: %" PRId64 " seats too few: those who "
                                             "must attend it need %" PRId64
                                             ", the rooms seat at most %" PRId64,
                                             forced[r] - with_ref),
                                pb->round_names[r], forced[r] - with_ref, forced[r], with_ref));
          if (forced[r] <= plain)
            explain_referees (pb, r, explanations);
        }
    }
  if (total_ref < need)
    {
      add (explanations,
           /* Translators: the last two numbers are the participants and the
            * workshops each attends; written as a product, so that neither
            * needs a plural of its own */
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "All rounds together seat at most %" PRId64
                                         ", %" PRId64 " seat too few (participants × "
                                         "workshops each: %d × %d)",
                                         "All rounds together seat at most %" PRId64
                                         ", %" PRId64 " seats too few (participants × "
                                         "workshops each: %d × %d)",
                                         need - total_ref),
                            total_ref, need - total_ref, P, pb->k));
      if (total >= need)
        for (int r = 0; r < R; r++)
          if (round_seats (pb, r, TRUE, TRUE) < round_seats (pb, r, FALSE, FALSE))
            explain_referees (pb, r, explanations);
    }
}

void
_auftakt_explain_structure (const AuftaktProblem *pb,
                            GPtrArray            *explanations)
{
  for (int p = 0; p < pb->n_participants; p++)
    {
      int n = __builtin_popcountll (pb->participant_rounds[p]);

      if (n < pb->k)
        {
          g_autofree char *rounds = round_list (pb, pb->participant_rounds[p]);

          add (explanations, g_strdup_printf (_("Participant %s %s must attend %d workshops but "
                                                "is only there in %s"),
                                              pb->participant_ids[p], pb->participant_names[p],
                                              pb->k, rounds));
        }
    }
  explain_locks (pb, explanations);
  explain_seats (pb, explanations);
}

/* Where the best partial schedule falls short. */
void
_auftakt_explain_search (const AuftaktSearch *se,
                         GPtrArray           *explanations)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, missing = 0;
  g_autofree gint64 *surplus = g_new0 (gint64, R);

  for (int s = 0; s < se->S; s++)
    {
      int w = s / R, r = s % R, n = se->n_mem[s];

      if (se->room_of[s] < 0)
        continue;
      if (n > se->cap[s])
        surplus[r] += n - se->cap[s];
      if (n > 0 && n < se->lo[w])
        add (explanations, g_strdup_printf (_("%s %s in %s has only %d of its minimum of %d "
                                              "attendees"),
                                            pb->workshop_ids[w], pb->workshop_titles[w],
                                            pb->round_names[r], n, se->lo[w]));
    }
  for (int r = 0; r < R; r++)
    if (surplus[r] > 0)
      add (explanations,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %" PRId64 " seat too few",
                                         "%s: %" PRId64 " seats too few",
                                         surplus[r]),
                            pb->round_names[r], surplus[r]));
  for (int p = 0; p < se->P; p++)
    missing += se->missing[p] > 0;
  if (missing > 0)
    add (explanations,
         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d participant could not be given all workshops",
                                       "%d participants could not be given all workshops",
                                       missing),
                          missing));
}
