/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <math.h>

#include "auftakt-solver-private.h"

/* The timetable: which workshop runs in which round and room.  A first one
 * is built greedily from the demand; then a local search changes it one
 * session at a time (another room, another round, opened, closed, replaced),
 * each change evaluated by re-placing whom it displaced and cancelling
 * negative cycles of the assignment, and accepted by simulated annealing
 * (Kirkpatrick et al.), cooled anew after each kick. */

/**
 * _auftakt_timetable_open_published:
 *
 * The sessions that the published schedule or the locks ask for (locked
 * ones in their rooms, the others in theirs or, where it is gone, in
 * another): where they seat everyone, a re-solve starts from them alone;
 * every first timetable starts with them.
 */
void
_auftakt_timetable_open_published (AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;

  if (!pb->has_published)
    return;
  /* locked sessions first, in their room; then sessions with locked
   * attendances; then, for a re-solve, the rest of the published ones */
  for (int pass = 0; pass < 3; pass++)
    for (int s = 0; s < se->S; s++)
      {
        int w = s / R, r = s % R, m = pb->published_room[s];
        gboolean want;

        if (se->room_of[s] >= 0)
          continue;
        want = pass == 0 ? se->fixed[s] : pass == 1 ? se->pinned[s] > 0
                                                    : m >= 0 && se->w_change > 0;
        if (!want)
          continue;
        if (m >= 0 && _auftakt_search_can_open (se, w, r, m))
          {
            _auftakt_search_open (se, s, m);
            continue;
          }
        if (pass == 0)
          {
            se->fixed[s] = 0;  /* cannot be kept: explained elsewhere */
            continue;
          }
        /* another room, the smallest that seats the most */
        {
          int best = -1;

          for (int mm = 0; mm < se->M; mm++)
            if (_auftakt_search_can_open (se, w, r, mm) &&
                (best < 0 ||
                 auftakt_problem_seats (pb, w, mm) > auftakt_problem_seats (pb, w, best) ||
                 (auftakt_problem_seats (pb, w, mm) == auftakt_problem_seats (pb, w, best) &&
                  pb->room_capacity[mm] < pb->room_capacity[best])))
              best = mm;
          if (best >= 0)
            _auftakt_search_open (se, s, best);
        }
      }
}

/* Participants who must attend round r whatever happens: those available
 * in exactly K rounds. */
static void
forced_per_round (const AuftaktProblem *pb,
                  gint64               *forced,
                  gint64               *available)
{
  for (int p = 0; p < pb->n_participants; p++)
    {
      guint64 mask = pb->participant_rounds[p];
      int n = __builtin_popcountll (mask);

      for (int r = 0; r < pb->n_rounds; r++)
        if (mask & BIT (r))
          {
            available[r]++;
            if (n <= pb->k)
              forced[r]++;
          }
    }
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x == y ? 0 : x > y ? -1 : 1;
}

/* Seats round r offers with the workshops chosen (plus extra, unless -1)
 * in its free rooms, biggest max with biggest room (for seats = min
 * (capacity, max) that pairing has the most seats); *own: extra's seats. */
static gint64
round_seats (AuftaktSearch *se,
             const int     *rooms,
             int            n_rooms,
             const int     *chosen,
             int            n,
             int            extra,
             int           *own)
{
  const AuftaktProblem *pb = se->pb;
  int maxes[n + 1];
  gint64 total = 0;
  int extra_max = extra >= 0 ? pb->workshop_max[extra] : 0, rank = 0;

  for (int i = 0; i < n; i++)
    {
      maxes[i] = pb->workshop_max[chosen[i]];
      rank += maxes[i] >= extra_max;
    }
  if (extra >= 0)
    maxes[n++] = extra_max;
  qsort (maxes, n, sizeof (int), compare_desc);
  for (int i = 0; i < MIN (n, n_rooms); i++)
    total += MIN (rooms[i], maxes[i]);
  if (own != NULL)
    *own = rank < n_rooms ? MIN (rooms[rank], extra_max) : 0;
  return total;
}

/**
 * _auftakt_timetable_build:
 * @demand: (nullable): seats wanted per workshop [W]
 *
 * The published or locked sessions, then greedily the (workshop, round)
 * that serves the most unmet demand (top-K choices first, then any rank),
 * or the most seats in a round that lacks them, until neither is left;
 * then in each round the rooms go to its sessions by a maximum matching
 * (seats each session can use first, then seats).
 */
void
_auftakt_timetable_build (AuftaktSearch *se,
                          const gint64  *demand)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, W = se->W, M = se->M, F = se->F;
  g_autofree gint64 *want1 = g_new0 (gint64, W);
  g_autofree gint64 *want2 = g_new0 (gint64, W);
  g_autofree gint64 *seats = g_new0 (gint64, W);
  g_autofree gint64 *load = g_new0 (gint64, R);
  g_autofree gint64 *target = g_new0 (gint64, R);
  g_autofree gint64 *need_r = g_new0 (gint64, R);
  g_autofree gint64 *forced = g_new0 (gint64, R);
  g_autofree gint64 *available = g_new0 (gint64, R);
  g_autofree int *rooms = g_new (int, (gsize) R * M + 1);
  g_autofree int *room_ids = g_new (int, (gsize) R * M + 1);
  g_autofree int *n_rooms = g_new0 (int, R);
  g_autofree int *chosen = g_new (int, (gsize) R * (W + 1));
  g_autofree int *n_chosen = g_new0 (int, R);
  g_autofree gint64 *desire = g_new0 (gint64, (gsize) W * R + 1);
  g_autofree int *runs = g_new0 (int, W);
  g_autofree int *busy = g_new0 (int, (gsize) F * R + 1);
  gint64 total_available = 0, need = (gint64) se->P * se->K;

  _auftakt_timetable_open_published (se);

  if (demand != NULL)
    memcpy (want1, demand, sizeof (gint64) * W);
  else
    for (int p = 0; p < se->P; p++)
      for (int i = pb->choice_start[p];
           i < pb->choice_start[p + 1] && i < pb->choice_start[p] + se->K; i++)
        want1[pb->choices[i]]++;
  for (int p = 0; p < se->P; p++)
    for (int i = pb->choice_start[p]; i < pb->choice_start[p + 1]; i++)
      want2[pb->choices[i]]++;

  forced_per_round (pb, forced, available);
  for (int r = 0; r < R; r++)
    total_available += available[r];
  for (int r = 0; r < R; r++)
    {
      /* an even share of the attendances, by availability, and some spare */
      gint64 share = total_available > 0 ? need * available[r] / total_available : 0;

      target[r] = MAX (forced[r], share + share / 20);
      target[r] = MIN (target[r], available[r]);
      need_r[r] = MIN (MAX (forced[r], share), available[r]);
    }

  /* what the required sessions hold already */
  for (int s = 0; s < se->S; s++)
    if (se->room_of[s] >= 0)
      {
        seats[s / R] += se->cap[s];
        load[s % R] += se->cap[s];
        runs[s / R]++;
        for (int i = pb->lead_start[s / R]; i < pb->lead_start[s / R + 1]; i++)
          busy[pb->leads[i] * R + s % R]++;
      }
  for (int r = 0; r < R; r++)
    {
      for (int m = 0; m < M; m++)
        if ((pb->room_rounds[m] & BIT (r)) && se->ws_in[m * R + r] < 0 &&
            pb->room_capacity[m] > 0)
          rooms[r * M + n_rooms[r]++] = pb->room_capacity[m];
      qsort (rooms + r * M, n_rooms[r], sizeof (int), compare_desc);
    }

  for (;;)
    {
      int best_w = -1, best_r = -1;
      double best_score = 0;

      for (int w = 0; w < W; w++)
        {
          gint64 u1 = MAX (0, want1[w] - seats[w]), u2 = MAX (0, want2[w] - seats[w]);

          if (runs[w] >= pb->workshop_max_runs[w])
            continue;
          for (int r = 0; r < R; r++)
            {
              gint64 before, after, short_r;
              int own;
              double score;
              gboolean free = TRUE;

              if (!(pb->workshop_rounds[w] & BIT (r)) || se->room_of[w * R + r] >= 0 ||
                  desire[w * R + r] > 0 || n_chosen[r] >= n_rooms[r])
                continue;
              for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
                free &= busy[pb->leads[i] * R + r] == 0;
              if (!free)
                continue;
              before = round_seats (se, rooms + r * M, n_rooms[r], chosen + r * (W + 1),
                                    n_chosen[r], -1, NULL);
              after = round_seats (se, rooms + r * M, n_rooms[r], chosen + r * (W + 1),
                                   n_chosen[r], w, &own);
              if (own < se->lo[w])
                continue;
              short_r = MAX (0, target[r] - load[r]);
              /* unmet top-K demand above all; a session too small for
               * its min from demand is worth only the seats it adds */
              score = 4.0 * MIN (own, u1) + 1.0 * MIN (own, u2)
                      + 2.0 * MIN (MAX (0, after - before), short_r);
              if (u2 * 2 < se->lo[w] && short_r == 0)
                score = 0;
              /* a re-solve keeps the published timetable, and adds a
               * session only where a round lacks seats: an extra session
               * would have to be filled by moving people into it */
              if (se->w_change > 0)
                score = MIN (MAX (0, after - before), MAX (0, need_r[r] - load[r]));
              score -= 0.001 * se->lo[w] + 0.0001 * load[r] / (double) MAX (1, target[r]);
              if (score > best_score)
                {
                  best_score = score;
                  best_w = w;
                  best_r = r;
                }
            }
        }
      if (best_w < 0)
        break;
      {
        int w = best_w, r = best_r, own;
        gint64 before = round_seats (se, rooms + r * M, n_rooms[r], chosen + r * (W + 1),
                                     n_chosen[r], -1, NULL);
        gint64 after = round_seats (se, rooms + r * M, n_rooms[r], chosen + r * (W + 1),
                                    n_chosen[r], w, &own);

        desire[w * R + r] = MAX (se->lo[w], MAX (want1[w] - seats[w], MIN (own, want2[w] - seats[w])));
        chosen[r * (W + 1) + n_chosen[r]++] = w;
        seats[w] += own;
        load[r] += after - before;
        runs[w]++;
        for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
          busy[pb->leads[i] * R + r]++;
      }
    }

  /* rooms: the most useful seats, then the most seats */
  for (int r = 0; r < R; r++)
    {
      int n = n_chosen[r], nm = 0;
      g_autofree gint64 *weight = NULL;
      g_autofree int *match = g_new (int, n + 1);

      for (int m = 0; m < M; m++)
        if ((pb->room_rounds[m] & BIT (r)) && se->ws_in[m * R + r] < 0)
          room_ids[nm++] = m;
      weight = g_new (gint64, (gsize) n * nm + 1);
      for (int i = 0; i < n; i++)
        for (int j = 0; j < nm; j++)
          {
            int w = chosen[r * (W + 1) + i];
            gint64 have = auftakt_problem_seats (pb, w, room_ids[j]);

            weight[i * nm + j] = have < se->lo[w] ? AUFTAKT_FORBIDDEN
                                 : 1000 * MIN (have, desire[w * R + r]) + have + 1;
          }
      _auftakt_max_matching (n, nm, weight, match);
      for (int i = 0; i < n; i++)
        {
          int w = chosen[r * (W + 1) + i];

          if (match[i] >= 0 && _auftakt_search_can_open (se, w, r, room_ids[match[i]]))
            _auftakt_search_open (se, w * R + r, room_ids[match[i]]);
        }
    }
}

/* ---- the local search ---- */

static int
random_running (AuftaktSearch *se,
                gboolean       movable)
{
  int n = 0, pick, v;

  for (int i = 0; i < se->n_active; i++)
    {
      v = se->active[i];
      if (v == se->x)
        continue;
      if (movable && (se->fixed[se->session_of[v]] || se->pinned[se->session_of[v]] > 0))
        continue;
      n++;
    }
  if (n == 0)
    return -1;
  pick = _auftakt_rng_below (&se->rng, n);
  for (int i = 0; i < se->n_active; i++)
    {
      v = se->active[i];
      if (v == se->x)
        continue;
      if (movable && (se->fixed[se->session_of[v]] || se->pinned[se->session_of[v]] > 0))
        continue;
      if (pick-- == 0)
        return se->session_of[v];
    }
  return -1;
}

/* Another room for a session: a free one, or the room of another session
 * of the round, which takes this one's. */
static gboolean
move_room (AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  int s = random_running (se, FALSE), w, r, m, t;

  if (s < 0 || se->fixed[s])
    return FALSE;
  w = s / R;
  r = s % R;
  m = _auftakt_rng_below (&se->rng, se->M);
  if (m == se->room_of[s] || !(pb->room_rounds[m] & BIT (r)) ||
      auftakt_problem_seats (pb, w, m) < se->lo[w])
    return FALSE;
  if (se->ws_in[m * R + r] < 0)
    {
      _auftakt_search_set_room (se, s, m);
      return TRUE;
    }
  t = se->ws_in[m * R + r] * R + r;
  if (se->fixed[t] || auftakt_problem_seats (pb, t / R, se->room_of[s]) < se->lo[t / R])
    return FALSE;
  _auftakt_search_swap_rooms (se, s, t);
  return TRUE;
}

/* All rooms of round r matched anew to its sessions, by the seats each
 * session can fill with people who want it there: its members who ranked
 * it, and those in the round who ranked it above what they attend and do
 * not have it in another round.  Then by the seats for everyone it holds
 * (those placed where nobody else wants to be need seats too), then the
 * room it has.  It mends what random room changes, one at a time, are
 * slow to mend on big events: a popular workshop held to a small room
 * while a big one fills with people who did not choose what they sit in.
 * FALSE if nothing changes. */
static gboolean
rematch_rooms (AuftaktSearch *se,
               int            r)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, n = 0, nm = 0, max_seats = 0;
  g_autofree int *sessions = g_new (int, se->W + 1);
  g_autofree int *room_ids = g_new (int, se->M + 1);
  g_autofree int *match = g_new (int, se->W + 1);
  g_autofree gint64 *ranked = g_new0 (gint64, se->W);
  g_autofree gint64 *holds = g_new0 (gint64, se->W);
  g_autofree gint64 *weight = NULL;
  gint64 big;
  gboolean changed = FALSE;

  for (int m = 0; m < se->M; m++)
    {
      int w = se->ws_in[m * R + r];

      if (!(pb->room_rounds[m] & BIT (r)) || (w >= 0 && se->fixed[w * R + r]))
        continue;
      room_ids[nm++] = m;
      max_seats = MAX (max_seats, pb->room_capacity[m]);
      if (w >= 0)
        sessions[n++] = w * R + r;
    }
  if (n < 2)
    return FALSE;

  for (int p = 0; p < se->P; p++)
    {
      int a = se->at[p * R + r], have;

      if (a < 0)
        continue;
      have = auftakt_problem_cost (pb, p, a);
      holds[a]++;
      for (int i = pb->choice_start[p]; i < pb->choice_start[p + 1]; i++)
        {
          int w = pb->choices[i];
          gboolean elsewhere = FALSE;

          if (w == a)
            {
              ranked[w]++;
              break;
            }
          if (auftakt_problem_cost (pb, p, w) >= have)
            break;
          if (se->room_of[w * R + r] < 0)
            continue;
          for (int rr = 0; rr < R; rr++)
            elsewhere |= se->at[p * R + rr] == w;
          ranked[w] += !elsewhere;
        }
    }

  /* lexicographic: wanted seats, then seats held, then the same room */
  big = 2 * ((gint64) max_seats + 1) * (n + 1) + 2;
  weight = g_new (gint64, (gsize) n * nm + 1);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < nm; j++)
      {
        int s = sessions[i], w = s / R;
        gint64 have = auftakt_problem_seats (pb, w, room_ids[j]);

        weight[i * nm + j] = have < MAX (se->lo[w], 1)
                             ? AUFTAKT_FORBIDDEN
                             : big * MIN (have, ranked[w]) + 2 * MIN (have, holds[w])
                               + (room_ids[j] == se->room_of[s]);
      }
  _auftakt_max_matching (n, nm, weight, match);
  for (int i = 0; i < n; i++)
    if (match[i] < 0)
      return FALSE;

  for (int i = 0; i < n; i++)
    {
      int s = sessions[i], m = room_ids[match[i]];

      if (se->room_of[s] == m)
        continue;
      _auftakt_search_put_room (se, s, m);
      changed = TRUE;
    }
  return changed;
}

/**
 * _auftakt_timetable_rematch:
 *
 * Each round's rooms matched anew (rematch_rooms()), kept where that
 * lowers the objective: big events get few random changes in their time.
 */
void
_auftakt_timetable_rematch (AuftaktSearch *se)
{
  gint64 start = _auftakt_search_objective (se);
  gboolean logging = se->logging;

  for (int r = 0; r < se->R && !_auftakt_search_check_stop (se); r++)
    {
      gint64 before = _auftakt_search_objective (se);
      guint mark = se->log->len;

      se->logging = TRUE;
      if (rematch_rooms (se, r))
        _auftakt_search_improve (se);
      _auftakt_search_settle (se, before, mark, logging);
    }
  g_debug ("rooms matched again: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT ", %.3f s",
           start, _auftakt_search_objective (se),
           (g_get_monotonic_time () - se->start) / 1e6);
}

static gboolean
close_one (AuftaktSearch *se,
           GArray        *displaced)
{
  int s = random_running (se, TRUE);

  if (s < 0)
    return FALSE;
  _auftakt_search_empty (se, s, displaced);
  _auftakt_search_close (se, s);
  return TRUE;
}

/* Opens a session of a random workshop in a random round: in a free room,
 * or in place of a session there; a workshop at its max-runs gives up one
 * of its other sessions. */
static gboolean
open_one (AuftaktSearch *se,
          GArray        *displaced)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  int w = _auftakt_rng_below (&se->rng, se->W);
  int r = _auftakt_rng_below (&se->rng, R);
  int s = w * R + r, m;

  if (se->room_of[s] >= 0 || !(pb->workshop_rounds[w] & BIT (r)))
    return FALSE;
  if (se->runs[w] >= pb->workshop_max_runs[w])
    {
      int other = -1, n = 0;

      for (int rr = 0; rr < R; rr++)
        {
          int t = w * R + rr;

          if (se->room_of[t] >= 0 && !se->fixed[t] && se->pinned[t] == 0 &&
              _auftakt_rng_below (&se->rng, ++n) == 0)
            other = t;
        }
      if (other < 0)
        return FALSE;
      _auftakt_search_empty (se, other, displaced);
      _auftakt_search_close (se, other);
    }
  m = _auftakt_rng_below (&se->rng, se->M);
  if (!(pb->room_rounds[m] & BIT (r)) || auftakt_problem_seats (pb, w, m) < se->lo[w])
    return FALSE;
  if (se->ws_in[m * R + r] >= 0)
    {
      int t = se->ws_in[m * R + r] * R + r;

      if (se->fixed[t] || se->pinned[t] > 0)
        return FALSE;
      _auftakt_search_empty (se, t, displaced);
      _auftakt_search_close (se, t);
    }
  if (!_auftakt_search_can_open (se, w, r, m))
    return FALSE;
  _auftakt_search_open (se, s, m);
  return TRUE;
}

/* The members of a session that moved follow it to workshop w in round r
 * where they are free; the others are displaced. */
static void
follow (AuftaktSearch *se,
        GArray        *members,
        int            w,
        int            r,
        GArray        *displaced)
{
  for (guint i = 0; i < members->len; i++)
    {
      int p = g_array_index (members, int, i);

      if (_auftakt_search_eligible (se, p, -1, w, r))
        _auftakt_search_assign (se, p, r, w);
      else
        g_array_append_val (displaced, p);
    }
}

/* Moves a session to another round (and a room free there); members who
 * are free in that round follow it. */
static gboolean
move_round (AuftaktSearch *se,
            GArray        *displaced)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  int s = random_running (se, TRUE), w, r, r2, m, t;
  g_autoptr(GArray) members = NULL;

  if (s < 0 || R < 2)
    return FALSE;
  w = s / R;
  r = s % R;
  r2 = _auftakt_rng_below (&se->rng, R - 1);
  r2 += r2 >= r;
  t = w * R + r2;
  if (se->room_of[t] >= 0 || !(pb->workshop_rounds[w] & BIT (r2)))
    return FALSE;
  m = _auftakt_rng_below (&se->rng, se->M);
  if (!(pb->room_rounds[m] & BIT (r2)) || auftakt_problem_seats (pb, w, m) < se->lo[w])
    return FALSE;
  members = g_array_new (FALSE, FALSE, sizeof (int));
  if (se->ws_in[m * R + r2] >= 0)
    {
      int u = se->ws_in[m * R + r2] * R + r2;

      if (se->fixed[u] || se->pinned[u] > 0)
        return FALSE;
      _auftakt_search_empty (se, u, displaced);
      _auftakt_search_close (se, u);
    }
  _auftakt_search_empty (se, s, members);
  _auftakt_search_close (se, s);
  if (!_auftakt_search_can_open (se, w, r2, m))
    {
      g_array_append_vals (displaced, members->data, members->len);
      return FALSE;
    }
  _auftakt_search_open (se, t, m);
  follow (se, members, w, r2, displaced);
  return TRUE;
}

/* Two sessions of different rounds trade places: each takes the other's
 * round and room; members free in the new round follow. */
static gboolean
swap_sessions (AuftaktSearch *se,
               GArray        *displaced)
{
  int R = se->R;
  int s = random_running (se, TRUE), t = random_running (se, TRUE);
  int ws, rs, ms, wt, rt, mt;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  if (s < 0 || t < 0 || s % R == t % R || s / R == t / R)
    return FALSE;
  ws = s / R;
  rs = s % R;
  ms = se->room_of[s];
  wt = t / R;
  rt = t % R;
  mt = se->room_of[t];
  if (se->room_of[ws * R + rt] >= 0 || se->room_of[wt * R + rs] >= 0)
    return FALSE;
  a = g_array_new (FALSE, FALSE, sizeof (int));
  b = g_array_new (FALSE, FALSE, sizeof (int));
  _auftakt_search_empty (se, s, a);
  _auftakt_search_close (se, s);
  _auftakt_search_empty (se, t, b);
  _auftakt_search_close (se, t);
  if (!_auftakt_search_can_open (se, ws, rt, mt))
    return FALSE;
  _auftakt_search_open (se, ws * R + rt, mt);
  if (!_auftakt_search_can_open (se, wt, rs, ms))
    return FALSE;
  _auftakt_search_open (se, wt * R + rs, ms);
  follow (se, a, ws, rt, displaced);
  follow (se, b, wt, rs, displaced);
  return TRUE;
}

/* Keeps the state as the best one so far (the others learn its cost if it
 * is valid); returns its objective. */
static gint64
save (AuftaktSearch *se,
      int           *room_of,
      int           *at)
{
  memcpy (room_of, se->room_of, sizeof (int) * se->S);
  memcpy (at, se->at, sizeof (int) * (gsize) se->P * se->R);
  if (se->penalty == 0)
    _auftakt_search_set_best (se);
  return _auftakt_search_objective (se);
}

/* One random change of the timetable, its displaced participants placed
 * again and the assignment improved until no negative cycle is left (a cap
 * on the cycles per change, for more changes in the time, lost on every
 * event: HACKING.md); FALSE (nothing changed) if the change drawn cannot be
 * made.  No caller logs: the annealing takes a rejected change back from
 * a snapshot (auftakt-solver-snapshot.c), a kick keeps its changes. */
static gboolean
random_move (AuftaktSearch *se,
             GArray        *displaced)
{
  int kind = _auftakt_rng_below (&se->rng, 100);
  guint mark = se->log->len;
  gboolean done;

  /* logged while it is made, so that a change that cannot be made is
   * taken back */
  g_assert (!se->logging);
  se->logging = TRUE;
  g_array_set_size (displaced, 0);
  if (kind < 40)
    done = move_room (se);
  else if (kind < 70)
    done = open_one (se, displaced);
  else if (kind < 75)
    done = close_one (se, displaced);
  else if (kind < 85)
    done = move_round (se, displaced);
  else
    done = swap_sessions (se, displaced);
  if (!done)
    {
      _auftakt_search_undo (se, mark);
      se->logging = FALSE;
      return FALSE;
    }
  /* made: nothing left to take back */
  g_array_set_size (se->log, mark);
  se->logging = FALSE;
  for (guint i = 0; i < displaced->len; i++)
    _auftakt_search_place (se, g_array_index (displaced, int, i), NULL);
  _auftakt_search_improve (se);
  /* what one attendance at a time cannot reach (HACKING.md) */
  if (se->exchange_moves)
    _auftakt_search_exchange_all (se);
  return TRUE;
}

/* Simulated annealing within each cycle between kicks: a change that
 * makes the state worse by d is kept with probability exp (-d / T), T
 * falling geometrically from HOT towards COLD (in cost units: a rank is 1)
 * over COOLING times the cycle's patience.  A cycle cools to the end and
 * then ends after one patience without a new best.  (Until session 12 it
 * could end after one patience, near T = 2.3, before it had cooled: on
 * medium-s1 the search then stayed where its first cycle had led it.)
 * T follows the changes counted, not the clock, so a run that ends before
 * its limit is the same on every machine.  What it gained over late
 * acceptance, and the settings tried: HACKING.md. */
#define HOT 5.0
#define COLD 0.5
#define COOLING 3

static double
temperature (guint64 changes,
             guint64 patience)
{
  double done = MIN (1.0, changes / (double) (COOLING * MAX (patience, 1)));

  return HOT * pow (COLD / HOT, done);
}

/**
 * _auftakt_timetable_search:
 * @bound: a lower bound on the cost; the search stops when it reaches it
 *
 * Iterated local search: simulated annealing over random changes of the
 * timetable, cooled to the end and until it stops improving, then a kick
 * (a few random changes from the best state) and again, until several
 * kicks in a row, or as many draws as 30 patiences, found nothing
 * better, time is up, or the cost meets the bound.  Leaves the best state
 * found.
 */
void
_auftakt_timetable_search (AuftaktSearch *se,
                           gint64         bound,
                           void         (*report) (AuftaktSearch *se,
                                                   gpointer       data),
                           gpointer       data)
{
  enum { KICKS = 30 };
  g_autofree int *best_room = g_new (int, se->S);
  g_autofree int *best_at = g_new (int, (gsize) se->P * se->R + 1);
  g_autoptr(GArray) displaced = g_array_new (FALSE, FALSE, sizeof (int));
  AuftaktSnapshot *before_move = _auftakt_snapshot_new (se);
  gint64 best;
  guint64 iteration = 0, max_idle, stale = 0;
  gint64 last_report = g_get_monotonic_time ();
  gint64 polish_at;
  gboolean big_event;
  int kicks = 0;

  /* a rejected change is taken back from a snapshot, not through a log */
  g_assert (!se->logging);
  se->converged = FALSE;
  _auftakt_search_improve (se);
  /* big events: changes and ejection-chain passes cost much (large,
   * xlarge).  Only there are the rooms matched anew: on the others the
   * search changes rooms thousands of times anyway, and the rematch only
   * gave another start (medium: the same mean over 16 seeds, seed 1
   * 1309 -> 1319-1325 in 6 runs) */
  big_event = (gint64) se->P * se->n_active * se->n_active >= 4000000;
  /* every change followed by the exchanges of two attendances where a pass
   * (paths n^3, then each participant's pairs of attendances against the
   * sessions of their rounds) costs no more than a change: on potsdam
   * (K = R, 5 * 10^3) the mean time to the optimum fell from 45 to 15 ms,
   * medium (4 * 10^4) gained a little with half the changes in the time.
   * Tight (10^5, a third of the changes) was no better and had worse
   * outliers, large ended 1-3 % worse */
  se->exchange_moves = (gint64) se->n_active * se->n_active * se->n_active +
                       (gint64) se->P * se->K * se->K * se->n_active < 60000;
  if (se->exchange_moves)
    _auftakt_search_exchange_all (se);
  if (big_event)
    _auftakt_timetable_rematch (se);
  best = _auftakt_search_objective (se);
  g_debug ("timetable search: start at %" G_GINT64_FORMAT " (cost %" G_GINT64_FORMAT
           ", penalty %" G_GINT64_FORMAT "), %.3f s", best, se->cost, se->penalty,
           (g_get_monotonic_time () - se->start) / 1e6);
  save (se, best_room, best_at);
  if (se->first_room_of == NULL)
    {
      se->first_room_of = g_memdup2 (best_room, sizeof (int) * se->S);
      se->first_at = g_memdup2 (best_at, sizeof (int) * (gsize) se->P * se->R);
    }
  /* enough tries for every kind of change of every running session */
  max_idle = 400 + 40 * (guint64) (se->n_active);
  /* ejection chains (a cycle search per participant) polish the best
   * state at the end, in the last 5 % of the time, or a fifth on big
   * events where a pass costs more.  (Chains on every new best timetable
   * were tried: better on medium, much worse on tight, where they make
   * the late acceptance climb greedier.) */
  polish_at = se->deadline - (se->deadline - g_get_monotonic_time ()) / (big_event ? 5 : 20);

  while (!_auftakt_search_check_stop (se))
    {
      guint64 idle = 0, cycle_start = iteration;
      gboolean improved = FALSE;

      /* a cycle cools to the end before it may stop; cooling counts the
       * changes made, so where hardly any can be made (locks) the stale
       * draws end it */
      while (!_auftakt_search_check_stop (se) &&
             (idle < max_idle ||
              (iteration - cycle_start < COOLING * max_idle && stale < KICKS * max_idle)))
        {
          gint64 before = _auftakt_search_objective (se), after;

          se->ticks++;
          if (g_get_monotonic_time () >= polish_at)
            break;
          if (_auftakt_search_meets_bound (se, bound))
            break;
          _auftakt_snapshot_take (before_move, se);
          if (!random_move (se, displaced))
            {
              idle++;
              stale++;
              continue;
            }
          after = _auftakt_search_objective (se);
          if (se->stopped && after > before)
            {
              _auftakt_snapshot_restore (before_move, se);
              break;
            }
          if (after > before &&
              _auftakt_rng_double (&se->rng) >=
              exp ((before - after) / temperature (iteration - cycle_start, max_idle)))
            _auftakt_snapshot_restore (before_move, se);
          iteration++;

          if (_auftakt_search_objective (se) < best)
            {
              best = save (se, best_room, best_at);
              idle = stale = 0;
              improved = TRUE;
            }
          else
            {
              idle++;
              stale++;
            }

          if (report != NULL && g_get_monotonic_time () - last_report > 100000)
            {
              last_report = g_get_monotonic_time ();
              report (se, data);
            }
        }

      if (_auftakt_search_meets_bound (se, bound))
        se->converged = TRUE;
      if (se->stopped || se->converged || g_get_monotonic_time () >= polish_at)
        break;
      {
        gint64 before = _auftakt_search_objective (se);
        int n, m;

        se->ticks++;
        n = _auftakt_search_respond_all (se);

        _auftakt_search_improve (se);
        m = _auftakt_search_eject_all (se);
        g_debug ("responses: %d changed, %d chains, %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT
                 ", %.3f s", n, m, before, _auftakt_search_objective (se),
                 (g_get_monotonic_time () - se->start) / 1e6);
        if (_auftakt_search_objective (se) < best)
          {
            best = save (se, best_room, best_at);
            stale = 0;
            improved = TRUE;
            if (_auftakt_search_meets_bound (se, bound))
              {
                se->converged = TRUE;
                break;
              }
          }
      }
      kicks = improved ? 0 : kicks + 1;
      /* stale: draws since the last new best.  A cycle takes at least
       * COOLING patiences, so KICKS of them alone made runs that cannot
       * meet their bound much longer (the tests' 150 tiny events: 12.7 s
       * instead of 1.7 s; with this rule 1.4 s) */
      if (kicks >= KICKS || stale >= KICKS * max_idle)
        {
          se->converged = TRUE;
          break;
        }

      /* the kick: a few random changes to the best state, whatever they
       * cost, more the longer kicks have found nothing (potsdam: 6 of 400
       * runs ended 1-2 above the optimum with 12 kicks of 2-4 changes;
       * none with 30 kicks growing to 9-11) */
      if (_auftakt_search_objective (se) != best)
        _auftakt_search_load (se, best_room, best_at);
      for (int n = 2 + _auftakt_rng_below (&se->rng, 3) + kicks / 4, tries = 0; n > 0 && tries < 100; tries++)
        n -= random_move (se, displaced);
      if (_auftakt_search_objective (se) < best)
        {
          best = save (se, best_room, best_at);
          stale = 0;
        }
    }

  _auftakt_snapshot_free (before_move);
  g_debug ("timetable search: %" G_GUINT64_FORMAT " moves, %" G_GUINT64_FORMAT " cycles, "
           "best %" G_GINT64_FORMAT " after %" G_GUINT64_FORMAT " ticks, %.3f s",
           iteration, se->n_cycles, best, se->ticks,
           (g_get_monotonic_time () - se->start) / 1e6);
  /* the best state, also when this one costs the same: another search may
   * have been told of a better bound later than this one, and the state
   * first reached (at the tick the other search knows) must be the one
   * that wins (a cancelled run is thrown away) */
  if (!g_cancellable_is_cancelled (se->cancellable))
    _auftakt_search_load (se, best_room, best_at);
  if (!se->stopped && !_auftakt_search_meets_bound (se, bound))
    {
      int n = 0;

      /* the best state may have been judged before all its cycles */
      _auftakt_search_improve (se);

      /* exchanges first: a pass costs a few changes even on large
       * (0.006-0.035 s), where a pass of ejection chains may not end in
       * the time left */
      while (!se->stopped && (_auftakt_search_exchange_all (se) > 0 ||
                              _auftakt_search_eject_all (se) > 0))
        n++;
      g_debug ("polish (exchanges, ejection chains): %d passes, %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT
               ", %.3f s", n, best, _auftakt_search_objective (se),
               (g_get_monotonic_time () - se->start) / 1e6);
      if (_auftakt_search_objective (se) > best)
        _auftakt_search_load (se, best_room, best_at);
      else if (se->penalty == 0)
        _auftakt_search_set_best (se);
    }
}
