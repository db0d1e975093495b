/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "auftakt-cli-common.h"

/* auftakt-cli: the headless tool over the core. Each command lives in its
 * own auftakt-cli-<command>.c; this file only dispatches. */

static const AuftaktCliCommand commands[] = {
  { "import", N_("EVENT.xml [SCHEDULE.xml] (-o PLAN.auftakt | --into PLAN.auftakt)"),
    N_("Create a plan from an event in the exchange format, or add the event to a plan."),
    N_("The event is checked against the schema and the format’s rules first; "
       "on any problem nothing is written."),
    auftakt_cli_import },
  { "export", N_("PLAN.auftakt --format event|schedule|ics|frab|csv|csv-excel "
                 "[--participant ID] -o OUT"),
    N_("Write an event or its schedule in the exchange format, or the day as iCalendar, "
       "frab schedule.xml or CSV."),
    NULL,
    auftakt_cli_export },
  { "check", N_("EVENT.xml|PLAN.auftakt [SCHEDULE.xml]"),
    N_("Check a schedule against the hard rules and report its cost."),
    N_("Prints one line per broken rule, then a machine line\n"
       "valid=0|1 cost=N top_k_share=X unranked_share=X participants=N sessions=N.\n"
       "Exit status: 0 valid, 1 a rule is broken, 2 a file cannot be read."),
    auftakt_cli_check },
  { "solve", N_("EVENT.xml -o SCHEDULE.xml | PLAN.auftakt [-o SCHEDULE.xml] [--seed N] "
                "[--time-limit S] [--keep PUBLISHED.xml] [--fresh] [--partial OUT.xml]"),
    N_("Decide the sessions and who attends which, keeping every hard rule at the lowest cost."),
    N_("A plan’s own schedule counts as published: its locks are kept and the rest changes as\n"
       "little as possible (--fresh: only the locks). Prints one line per change, then a machine\n"
       "line cost=N bound=N seconds=S (bound: no valid schedule costs less), with\n"
       "moved_sessions=N moved_attendances=N for a re-solve. Exit status: 0 solved, 1 no valid\n"
       "schedule exists (the reasons on stderr), 2 bad usage or an unreadable input."),
    auftakt_cli_solve },
  { "import-csv", N_("PLAN.auftakt REGISTRATIONS.csv [--map COLUMN=FIELD …] [--skip-bad-rows] "
                     "[--dry-run]"),
    N_("Import registrations from a spreadsheet or web form export."),
    N_("Columns are recognised by their headers (Name, Vorname, E-Mail, Behörde, Wunsch 1, "
       "1. Wahl, First choice …); --map corrects them. Participants are matched by e-mail:\n"
       "a new export updates them and removes those no longer listed. Any bad row stops the\n"
       "import (exit 2, every problem as FILE:LINE: message) unless --skip-bad-rows.\n"
       "Machine line: added=N changed=N removed=N unchanged=N skipped=N."),
    auftakt_cli_import_csv },
  { "print", N_("PLAN.auftakt --kind participants|rooms|referees|agenda|attendance "
                "[--participant ID] -o OUT.pdf"),
    N_("Print personal schedules, door signs, referee schedules, the agenda or attendance "
       "lists as an A4 PDF."),
    N_("Personal schedules take one page per participant. Machine line: pages=N."),
    auftakt_cli_print },
};

const AuftaktCliCommand *
auftakt_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
print_help (void)
{
  g_print ("%s\n  auftakt-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"),
           _("Plan kickoff events: import, check, schedule and export them."));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “auftakt-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  const AuftaktCliCommand *command;
  const char *localedir = g_getenv ("AUFTAKT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GOptionContext's usage line starts with the program name */
  g_set_prgname ("auftakt-cli");

  if (argc < 2)
    {
      print_help ();
      return AUFTAKT_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return AUFTAKT_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("auftakt-cli %s\n", PACKAGE_VERSION);
      return AUFTAKT_EXIT_OK;
    }

  command = auftakt_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("auftakt-cli: unknown command “%s”"), argv[1]);
      g_printerr ("\n");
      g_printerr ("%s\n", _("Run “auftakt-cli --help” for the list of commands."));
      return AUFTAKT_EXIT_USAGE;
    }

  /* the command sees itself as argv[0] */
  return command->run (argc - 1, argv + 1);
}
