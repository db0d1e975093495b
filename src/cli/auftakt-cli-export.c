/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "auftakt-cli-common.h"
#include "auftakt-export-csv.h"
#include "auftakt-export-frab.h"
#include "auftakt-export-ics.h"
#include "auftakt-xml-writer.h"

/* The formats for calendars, conference apps and mail merge. */
static gboolean
is_other_format (const char *format)
{
  return g_str_equal (format, "ics") || g_str_equal (format, "frab") ||
         g_str_equal (format, "csv") || g_str_equal (format, "csv-excel");
}

static int
export_other_format (AuftaktEvent *event,
                     const char   *format,
                     const char   *participant,
                     const char   *plan,
                     const char   *output)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (format, "ics"))
    ok = auftakt_export_ics (event, participant, output, &error);
  else if (g_str_equal (format, "frab"))
    ok = auftakt_export_frab (event, output, &error);
  else
    ok = auftakt_export_csv (event, g_str_equal (format, "csv") ? AUFTAKT_CSV_FLAVOUR_PLAIN
                                                                : AUFTAKT_CSV_FLAVOUR_EXCEL,
                             output, &error);
  if (!ok)
    return auftakt_cli_fail (g_error_matches (error, AUFTAKT_EXPORT_ERROR,
                                              AUFTAKT_EXPORT_ERROR_WRITE) ? output : plan, error);

  return AUFTAKT_EXIT_OK;
}

int
auftakt_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *participant = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("What to write: event or schedule (exchange format), ics (iCalendar), frab "
         "(schedule.xml for conference apps), csv or csv-excel (assignments for mail merge)"),
      N_("FORMAT") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &participant,
      N_("With --format ics: only this participant’s day"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file"), N_("FILE") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      N_("Which event to use when the plan has several"), N_("ID") },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("export");
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktSchedule *schedule;
  int status;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return auftakt_cli_usage_error ("export", _("expected one PLAN.auftakt"));
  if (format == NULL)
    return auftakt_cli_usage_error ("export", _("--format is required"));
  if (output == NULL)
    return auftakt_cli_usage_error ("export", _("-o FILE is required"));
  if (!g_str_equal (format, "event") && !g_str_equal (format, "schedule") &&
      !is_other_format (format))
    return auftakt_cli_usage_error ("export", _("unknown format “%s”"), format);
  if (participant != NULL && !g_str_equal (format, "ics"))
    return auftakt_cli_usage_error ("export", _("--participant goes with --format ics"));

  if (auftakt_cli_is_same_file (argv[1], output))
    return auftakt_cli_usage_error ("export", _("-o names the plan itself, which would be lost"));

  event = auftakt_cli_load_plan_event (argv[1], event_id, NULL, &error);
  if (event == NULL)
    return auftakt_cli_fail (argv[1], error);

  if (is_other_format (format))
    return export_other_format (event, format, participant, argv[1], output);

  if (g_str_equal (format, "event"))
    {
      if (!auftakt_xml_write_event (event, output, &error))
        return auftakt_cli_fail (output, error);
      return AUFTAKT_EXIT_OK;
    }

  schedule = auftakt_event_get_schedule (event);
  if (schedule == NULL)
    {
      g_printerr ("%s: ", argv[1]);
      g_printerr (_("the event %s has no schedule yet; create one with “auftakt-cli solve”"),
                  auftakt_event_get_id (event));
      g_printerr ("\n");
      return AUFTAKT_EXIT_USAGE;
    }
  if (!auftakt_xml_write_schedule (schedule, output, &error))
    return auftakt_cli_fail (output, error);

  return AUFTAKT_EXIT_OK;
}
