/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "solver-run"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "auftakt-solver.h"
#include "auftakt-xml-reader.h"
#include "auftakt-xml-writer.h"

/* The benchmark's driver: one event in, one schedule out, and the machine
 * line of `auftakt-cli solve`.  bench/solver-bench runs it on every
 * instance; it exists so that the benchmark measures the solver alone. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktSolverResult) result = NULL;
  g_autoptr(AuftaktSchedule) published = NULL;
  AuftaktSolverOptions options;
  g_autofree char *output = NULL;
  g_autofree char *keep = NULL;
  gint64 seed = 1;
  double limit = 5.0;
  gboolean fresh = FALSE;
  int workers = 0;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Schedule to write", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed", "N" },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &limit, "Seconds", "S" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Published schedule", "FILE" },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh, "Ignore the published schedule but its locks", NULL },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers, "Searches side by side", "N" },
    { NULL }
  };

  context = g_option_context_new ("EVENT.xml");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: solver-run EVENT.xml [-o SCHEDULE.xml] [--seed N] [--time-limit S] [--workers N]\n");
      return 2;
    }
  event = auftakt_xml_read_event (argv[1], &error);
  if (event == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (keep != NULL)
    {
      published = auftakt_xml_read_schedule (keep, event, AUFTAKT_XML_READ_LENIENT, NULL, &error);
      if (published == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }
  auftakt_solver_options_init (&options);
  options.seed = seed;
  options.time_limit = limit;
  options.published = published;
  options.fresh = fresh;
  options.workers = workers;
  result = auftakt_solver_solve (event, &options, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (output != NULL &&
      !auftakt_xml_write_schedule (auftakt_solver_result_get_schedule (result), output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  for (const char * const *line = auftakt_solver_result_get_explanations (result); *line; line++)
    g_printerr ("%s\n", *line);
  for (const char * const *line = auftakt_solver_result_get_changes (result); *line; line++)
    g_print ("%s\n", *line);
  g_print ("cost=%" G_GINT64_FORMAT " bound=%" G_GINT64_FORMAT " seconds=%s",
           auftakt_solver_result_get_cost (result), auftakt_solver_result_get_bound (result),
           g_ascii_formatd (buffer, sizeof buffer, "%.3f",
                            auftakt_solver_result_get_seconds (result)));
  if (published != NULL)
    g_print (" moved_sessions=%u moved_attendances=%u",
             auftakt_solver_result_get_moved_sessions (result),
             auftakt_solver_result_get_moved_attendances (result));
  g_print ("\n");
  return auftakt_solver_result_get_feasible (result) ? 0 : 1;
}
