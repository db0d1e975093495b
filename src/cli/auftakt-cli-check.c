/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-check.h"
#include "auftakt-cli-common.h"
#include "auftakt-xml-reader.h"

/* Like check.py: the first violations, then how many more. */
#define SHOWN_VIOLATIONS 50

/* Like check.py: the reason on stdout, then the machine line with NAs. */
static int
unreadable (const char   *path,
            const GError *error)
{
  g_autofree char *line = auftakt_check_unreadable_machine_line ();
  g_autofree char *prefix = g_strconcat (path, ":", NULL);

  if (g_str_has_prefix (error->message, prefix))
    g_print ("%s\n%s\n", error->message, line);
  else
    g_print ("%s: %s\n%s\n", path, error->message, line);
  return AUFTAKT_EXIT_USAGE;
}

int
auftakt_cli_check (int    argc,
                   char **argv)
{
  g_autofree char *event_id = NULL;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      N_("Which event to use when the plan has several"), N_("ID") },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("check");
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_autoptr(AuftaktCheckReport) report = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  int status;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;

  if (argc < 2 || argc > 3)
    return auftakt_cli_usage_error ("check", _("expected EVENT.xml or PLAN.auftakt, "
                                               "and at most one SCHEDULE.xml"));

  if (auftakt_cli_is_plan (argv[1]))
    event = auftakt_cli_load_plan_event (argv[1], event_id, NULL, &error);
  else
    event = auftakt_xml_read_event (argv[1], &error);
  if (event == NULL)
    return unreadable (argv[1], error);

  if (argc == 3)
    {
      schedule = auftakt_xml_read_schedule (argv[2], event, AUFTAKT_XML_READ_LENIENT,
                                            problems, &error);
      if (schedule == NULL)
        return unreadable (argv[2], error);
    }
  else if (auftakt_event_get_schedule (event) != NULL)
    schedule = g_object_ref (auftakt_event_get_schedule (event));
  else
    {
      g_set_error (&error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID,
                   _("the event has no schedule to check; name a SCHEDULE.xml"));
      return unreadable (argv[1], error);
    }

  report = auftakt_check_schedule (event, schedule, problems);
  for (guint i = 0; i < report->violations->len && i < SHOWN_VIOLATIONS; i++)
    g_print ("%s\n", ((AuftaktViolation *) g_ptr_array_index (report->violations, i))->message);
  if (report->violations->len > SHOWN_VIOLATIONS)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "… and %u more broken rule (%u in all)\n",
                          "… and %u more broken rules (%u in all)\n",
                          report->violations->len - SHOWN_VIOLATIONS),
             report->violations->len - SHOWN_VIOLATIONS, report->violations->len);

  line = auftakt_check_report_to_machine_line (report);
  g_print ("%s\n", line);

  return report->valid ? AUFTAKT_EXIT_OK : AUFTAKT_EXIT_NO;
}
