/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-cli-common.h"
#include "auftakt-registration-import.h"

/* import-csv PLAN.auftakt REGISTRATIONS.csv: the machine line is
 * "added=N changed=N removed=N unchanged=N skipped=N", with NAs when
 * nothing was imported because of bad rows. */

static void
print_machine_line (const AuftaktImportSummary *summary)
{
  if (summary == NULL)
    g_print ("added=NA changed=NA removed=NA unchanged=NA skipped=NA\n");
  else
    g_print ("added=%u changed=%u removed=%u unchanged=%u skipped=%u\n",
             summary->added, summary->changed, summary->removed, summary->unchanged,
             summary->skipped);
}

static void
print_mapping (AuftaktRegistrationImport *import)
{
  AuftaktCsv *csv = auftakt_registration_import_get_csv (import);
  char separator = auftakt_csv_get_separator (csv);
  /* Translators: the separator of a CSV file's columns, the tab character */
  g_autofree char *shown = separator == '\t' ? g_strdup (C_("separator", "Tab"))
                                              : g_strdup_printf ("%c", separator);

  g_print (_("%s: %s, separator “%s”; columns:"), auftakt_csv_get_display_name (csv),
           auftakt_csv_encoding_get_label (auftakt_csv_get_encoding (csv)), shown);
  g_print ("\n");
  for (guint i = 0; i < auftakt_registration_import_get_n_columns (import); i++)
    {
      AuftaktImportField field = auftakt_registration_import_get_column_field (import, i);

      /* the field names stay as --map spells them */
      g_print ("  %u “%s” → %s\n", i + 1,
               auftakt_registration_import_get_column_title (import, i),
               auftakt_import_field_to_string (field));
    }
}

int
auftakt_cli_import_csv (int    argc,
                        char **argv)
{
  g_auto(GStrv) maps = NULL;
  g_autofree char *event_id = NULL;
  gboolean skip_bad_rows = FALSE;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a column as a field: name, first-name, last-name, organisation, email, "
         "choice-1 … choice-9 or ignore; COLUMN is the header or the column’s number"),
      N_("COLUMN=FIELD") },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("Import the good rows and skip those with problems"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Report what would change, and change nothing"), NULL },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      N_("Which event to use when the plan has several"), N_("ID") },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("import-csv");
  g_autoptr(AuftaktCsv) csv = NULL;
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(AuftaktRegistrationImport) import = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktImportSummary summary;
  AuftaktSchedule *schedule;
  guint n_problems;
  int status;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;

  if (argc != 3)
    return auftakt_cli_usage_error ("import-csv", _("expected PLAN.auftakt and REGISTRATIONS.csv"));

  csv = auftakt_csv_new_from_file (argv[2], &error);
  if (csv == NULL)
    return auftakt_cli_fail (argv[2], error);

  event = auftakt_cli_load_plan_event (argv[1], event_id, &store, &error);
  if (event == NULL)
    return auftakt_cli_fail (argv[1], error);

  import = auftakt_registration_import_new (csv, event);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!auftakt_registration_import_map (import, maps[i], &error))
      return auftakt_cli_usage_error ("import-csv", "%s", error->message);

  print_mapping (import);

  if (!auftakt_registration_import_prepare (import, &error))
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                           AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS))
        g_printerr ("%s\n", _("Name the columns with --map COLUMN=FIELD."));
      print_machine_line (NULL);
      return AUFTAKT_EXIT_USAGE;
    }

  n_problems = auftakt_registration_import_get_n_problems (import);
  for (guint i = 0; i < n_problems; i++)
    {
      const AuftaktImportProblem *problem = auftakt_registration_import_get_problem (import, i);

      g_printerr ("%s:%u: %s\n", argv[2], problem->line, problem->message);
    }

  if (n_problems > 0 && !skip_bad_rows)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: nothing was imported because of %u problem; "
                               "correct the file, or import the other rows with --skip-bad-rows",
                               "%s: nothing was imported because of %u problems; "
                               "correct the file, or import the other rows with --skip-bad-rows",
                               n_problems),
                  argv[2], n_problems);
      g_printerr ("\n");
      print_machine_line (NULL);
      return AUFTAKT_EXIT_USAGE;
    }

  auftakt_registration_import_get_summary (import, &summary);

  if (!dry_run)
    {
      if (!auftakt_registration_import_apply (import, skip_bad_rows, &error) ||
          !auftakt_store_replace_event (store, event, &error))
        {
          auftakt_cli_fail (argv[1], error);
          print_machine_line (NULL);
          return AUFTAKT_EXIT_USAGE;
        }

      schedule = auftakt_event_get_schedule (event);
      if (schedule != NULL && summary.added > 0)
        {
          g_print (_("The schedule does not place the new participants yet: "
                     "run “auftakt-cli solve %s”."), argv[1]);
          g_print ("\n");
        }
      else if (schedule != NULL && summary.removed > 0)
        {
          g_print (_("The removed participants were taken out of their sessions: "
                     "run “auftakt-cli check %s”."), argv[1]);
          g_print ("\n");
        }
    }
  else
    g_print ("%s\n", _("Dry run: the plan was not changed."));

  print_machine_line (&summary);

  return AUFTAKT_EXIT_OK;
}
