/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include "auftakt-solver-private.h"

/* Maximum-weight matching of rows to columns by the Hungarian method
 * (Kuhn and Munkres; the O(n^2 m) form with potentials).  Rows may stay
 * unmatched (weight 0); a weight of AUFTAKT_FORBIDDEN or less is never
 * used.  Rooms to sessions of a round, for the timetable and the bound. */

gint64
_auftakt_max_matching (int           n_rows,
                       int           n_cols,
                       const gint64 *weight,
                       int          *row_col)
{
  /* columns: the real ones, then one dummy per row ("unmatched") */
  int m = n_cols + n_rows, n = n_rows;
  gint64 big = 0, total = 0;
  g_autofree gint64 *u = g_new0 (gint64, n + 1);
  g_autofree gint64 *v = g_new0 (gint64, m + 1);
  g_autofree gint64 *minv = g_new (gint64, m + 1);
  g_autofree int *p = g_new0 (int, m + 1);
  g_autofree int *way = g_new0 (int, m + 1);
  g_autofree guint8 *used = g_new (guint8, m + 1);

  if (n == 0)
    return 0;
  for (int i = 0; i < n * n_cols; i++)
    if (weight[i] > AUFTAKT_FORBIDDEN)
      big += weight[i] < 0 ? -weight[i] : weight[i];
  big = big * 2 + 1;

#define COST(i, j) ((j) <= n_cols                                                  \
                    ? (weight[((i) - 1) * n_cols + (j) - 1] <= AUFTAKT_FORBIDDEN    \
                       ? big : -weight[((i) - 1) * n_cols + (j) - 1])               \
                    : 0)

  for (int i = 1; i <= n; i++)
    {
      int j0 = 0;

      p[0] = i;
      for (int j = 0; j <= m; j++)
        {
          minv[j] = AUFTAKT_INF;
          used[j] = 0;
        }
      do
        {
          int i0 = p[j0], j1 = 0;
          gint64 delta = AUFTAKT_INF;

          used[j0] = 1;
          for (int j = 1; j <= m; j++)
            if (!used[j])
              {
                gint64 cur = COST (i0, j) - u[i0] - v[j];

                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = j;
                  }
              }
          for (int j = 0; j <= m; j++)
            if (used[j])
              {
                u[p[j]] += delta;
                v[j] -= delta;
              }
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          int j1 = way[j0];

          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }

  for (int i = 0; i < n; i++)
    row_col[i] = -1;
  for (int j = 1; j <= n_cols; j++)
    if (p[j] != 0)
      {
        gint64 w = weight[(p[j] - 1) * n_cols + j - 1];

        if (w > AUFTAKT_FORBIDDEN)
          {
            row_col[p[j] - 1] = j - 1;
            total += w;
          }
      }
#undef COST
  return total;
}
