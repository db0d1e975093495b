/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-cli-common.h"
#include "auftakt-solver.h"
#include "auftakt-xml-reader.h"
#include "auftakt-xml-writer.h"

/* auftakt-cli solve: the scheduler (HACKING.md, "The scheduler") over an
 * event file or a plan.  A plan's own schedule counts as published. */

static void
print_machine_line (AuftaktSolverResult *result,
                    gboolean             resolve)
{
  char seconds[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (seconds, sizeof seconds, "%.3f", auftakt_solver_result_get_seconds (result));
  g_print ("cost=%" G_GINT64_FORMAT " bound=%" G_GINT64_FORMAT " seconds=%s",
           auftakt_solver_result_get_cost (result), auftakt_solver_result_get_bound (result),
           seconds);
  if (resolve)
    g_print (" moved_sessions=%u moved_attendances=%u",
             auftakt_solver_result_get_moved_sessions (result),
             auftakt_solver_result_get_moved_attendances (result));
  g_print ("\n");
}

/* --time-limit bounds the whole command, as an organiser waits for it and
 * a script times it: what reading the event took is spent, and writing
 * the schedule, freeing the search and the search's last step past its
 * deadline are set aside (measured from the search's end to the exit:
 * large-s1, 6,000 attendances, 20 ms; xlarge, 60,000, 50 ms, and its
 * search ran 20 ms past its deadline).  Never less than half the limit, so
 * that a slow disk cannot starve the search. */
static double
search_budget (double        limit,
               gint64        began,
               AuftaktEvent *event)
{
  double spent = (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC;
  double attendances = (double) g_list_model_get_n_items (G_LIST_MODEL (auftakt_event_get_participants (event))) *
                       auftakt_event_get_workshops_per_participant (event);
  double reserve = 0.015 + 1.2e-6 * attendances;

  g_debug ("solve: %.3f s spent before the search, %.3f s set aside after it", spent, reserve);
  return MAX (limit - spent - reserve, limit / 2);
}

int
auftakt_cli_solve (int    argc,
                   char **argv)
{
  gint64 began = g_get_monotonic_time ();
  g_autofree char *output = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *event_id = NULL;
  gint64 seed = AUFTAKT_SOLVER_DEFAULT_SEED;
  double limit = AUFTAKT_SOLVER_DEFAULT_TIME_LIMIT;
  gboolean fresh = FALSE;
  int workers = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the schedule to this file (for a plan: instead of storing it)"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the search (default 1)"), N_("N") },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &limit,
      N_("Seconds the run may take at most, reading and writing included (default 5)"), N_("S") },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      N_("The published schedule: keep its locks and change it as little as possible"),
      N_("PUBLISHED.xml") },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh,
      N_("Ignore the published schedule, except its locks"), NULL },
    { "partial", 0, 0, G_OPTION_ARG_FILENAME, &partial,
      N_("When no valid schedule exists, write the best partial one here"), N_("FILE") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      N_("Which event to use when the plan has several"), N_("ID") },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers,
      N_("Searches run side by side (default: one per processor, at most two)"), N_("N") },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("solve");
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktSchedule) kept = NULL;
  g_autoptr(AuftaktSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktSolverOptions options;
  gboolean plan;
  int status;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return auftakt_cli_usage_error ("solve", _("expected one EVENT.xml or PLAN.auftakt"));
  if (limit <= 0)
    return auftakt_cli_usage_error ("solve", _("--time-limit must be more than 0 seconds"));
  if (workers < 0 || workers > 2)
    return auftakt_cli_usage_error ("solve", _("--workers must be 1 or 2"));

  if (auftakt_cli_is_same_file (argv[1], output))
    return auftakt_cli_usage_error ("solve", _("-o names the input itself, which would be lost"));

  plan = auftakt_cli_is_plan (argv[1]);
  if (plan)
    event = auftakt_cli_load_plan_event (argv[1], event_id, &store, &error);
  else if (output == NULL)
    return auftakt_cli_usage_error ("solve", _("-o SCHEDULE.xml is required for an event file"));
  else
    event = auftakt_xml_read_event (argv[1], &error);
  if (event == NULL)
    return auftakt_cli_fail (argv[1], error);

  auftakt_solver_options_init (&options);
  options.seed = (guint64) seed;
  options.fresh = fresh;
  options.workers = workers;
  if (keep != NULL)
    {
      kept = auftakt_xml_read_schedule (keep, event, AUFTAKT_XML_READ_LENIENT, NULL, &error);
      if (kept == NULL)
        return auftakt_cli_fail (keep, error);
      options.published = kept;
    }
  else
    options.published = auftakt_event_get_schedule (event);

  options.time_limit = search_budget (limit, began, event);
  result = auftakt_solver_solve (event, &options, NULL, NULL, NULL, &error);
  if (result == NULL)
    return auftakt_cli_fail (argv[1], error);

  if (!auftakt_solver_result_get_feasible (result))
    {
      const char * const *unplaced = auftakt_solver_result_get_unplaced (result);

      g_printerr (_("No valid schedule exists:\n"));
      for (const char * const *line = auftakt_solver_result_get_explanations (result); *line; line++)
        g_printerr ("  %s\n", *line);
      if (unplaced[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (" ", (char **) unplaced);

          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "Not placed in full (%u participant): %s\n",
                                   "Not placed in full (%u participants): %s\n",
                                   g_strv_length ((char **) unplaced)),
                      g_strv_length ((char **) unplaced), list);
        }
      if (partial != NULL &&
          !auftakt_xml_write_schedule (auftakt_solver_result_get_schedule (result), partial,
                                       &error))
        return auftakt_cli_fail (partial, error);
      return AUFTAKT_EXIT_NO;
    }

  if (output != NULL)
    {
      if (!auftakt_xml_write_schedule (auftakt_solver_result_get_schedule (result), output,
                                       &error))
        return auftakt_cli_fail (output, error);
    }
  else if (!auftakt_store_save_schedule (store, auftakt_event_get_id (event),
                                         auftakt_solver_result_get_schedule (result), &error))
    return auftakt_cli_fail (argv[1], error);

  for (const char * const *line = auftakt_solver_result_get_changes (result); *line; line++)
    g_print ("%s\n", *line);
  print_machine_line (result, options.published != NULL && !fresh);
  return AUFTAKT_EXIT_OK;
}
