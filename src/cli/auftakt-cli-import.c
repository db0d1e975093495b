/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>

#include "auftakt-cli-common.h"
#include "auftakt-xml-reader.h"

int
auftakt_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *into = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Create this new plan"), N_("PLAN.auftakt") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Add the event to this existing plan"), N_("PLAN.auftakt") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing plan given with -o"), NULL },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("import");
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sigset_t interrupts, previous;
  int status;
  guint n_participants;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;

  if (argc < 2 || argc > 3)
    return auftakt_cli_usage_error ("import", _("expected EVENT.xml and at most one SCHEDULE.xml"));
  if ((output == NULL) == (into == NULL))
    return auftakt_cli_usage_error ("import", _("give either -o PLAN.auftakt or --into PLAN.auftakt"));
  if (force && output == NULL)
    return auftakt_cli_usage_error ("import", _("--force goes with -o"));

  event = auftakt_xml_read_event (argv[1], &error);
  if (event == NULL)
    return auftakt_cli_fail (argv[1], error);

  if (argc == 3)
    {
      schedule = auftakt_xml_read_schedule (argv[2], event, AUFTAKT_XML_READ_STRICT, NULL, &error);
      if (schedule == NULL)
        return auftakt_cli_fail (argv[2], error);
      auftakt_event_set_schedule (event, schedule);
    }

  /* An interrupt while the plan is written would leave its temporary file
   * behind: it takes effect once the plan is complete. */
  sigemptyset (&interrupts);
  sigaddset (&interrupts, SIGINT);
  sigaddset (&interrupts, SIGTERM);
  sigaddset (&interrupts, SIGHUP);
  sigprocmask (SIG_BLOCK, &interrupts, &previous);

  if (output != NULL)
    store = auftakt_store_create (output, force, event, &error);
  else if ((store = auftakt_store_open (into, &error)) != NULL &&
           !auftakt_store_add_event (store, event, &error))
    g_clear_object (&store);

  sigprocmask (SIG_SETMASK, &previous, NULL);
  if (store == NULL)
    return auftakt_cli_fail (output != NULL ? output : into, error);

  n_participants =
    g_list_model_get_n_items (G_LIST_MODEL (auftakt_event_get_participants (event)));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported “%s” as event %s with %u participant into %s\n",
                        "Imported “%s” as event %s with %u participants into %s\n",
                        n_participants),
           auftakt_event_get_title (event) ? auftakt_event_get_title (event) : "",
           auftakt_event_get_id (event), n_participants,
           auftakt_store_get_path (store));

  return AUFTAKT_EXIT_OK;
}
