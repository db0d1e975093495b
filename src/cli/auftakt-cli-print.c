/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "auftakt-cli-common.h"
#include "auftakt-print-document.h"

/* print PLAN.auftakt --kind KIND -o OUT.pdf: the machine line is "pages=N"
 * (on stderr when the PDF goes to stdout: -o /dev/stdout). */

static gboolean
is_stdout (const char *path)
{
  GStatBuf file, out;

  return g_stat (path, &file) == 0 && fstat (STDOUT_FILENO, &out) == 0 &&
         file.st_dev == out.st_dev && file.st_ino == out.st_ino;
}

int
auftakt_cli_print (int    argc,
                   char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *output = NULL;
  g_autofree char *event_id = NULL;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("What to print: participants (a personal schedule each), rooms (door signs), "
         "referees, agenda or attendance (lists to sign per session)"), N_("KIND") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &participant,
      N_("Print only this participant’s schedule"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to this file"), N_("OUT.pdf") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      N_("Which event to use when the plan has several"), N_("ID") },
    { NULL }
  };
  const AuftaktCliCommand *command = auftakt_cli_find_command ("print");
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  AuftaktPrintKind kind;
  gboolean to_stdout;
  guint n_pages;
  int status;

  if (!auftakt_cli_parse (command, entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return auftakt_cli_usage_error ("print", _("expected one PLAN.auftakt"));
  if (kind_name == NULL)
    return auftakt_cli_usage_error ("print", _("--kind is required"));
  if (!auftakt_print_kind_from_string (kind_name, &kind))
    return auftakt_cli_usage_error ("print", _("unknown kind “%s”; use participants, rooms, "
                                               "referees, agenda or attendance"), kind_name);
  if (participant != NULL && kind != AUFTAKT_PRINT_KIND_PARTICIPANTS)
    return auftakt_cli_usage_error ("print", _("--participant goes with --kind participants"));
  if (output == NULL)
    return auftakt_cli_usage_error ("print", _("-o FILE is required"));
  if (auftakt_cli_is_same_file (argv[1], output))
    return auftakt_cli_usage_error ("print", _("-o names the plan itself, which would be lost"));

  event = auftakt_cli_load_plan_event (argv[1], event_id, NULL, &error);
  if (event == NULL)
    return auftakt_cli_fail (argv[1], error);

  to_stdout = is_stdout (output);
  document = auftakt_print_document_new (event, kind);
  auftakt_print_document_set_participant (document, participant);
  if (!auftakt_print_document_write_pdf (document, output, NULL, &error))
    return auftakt_cli_fail (g_error_matches (error, AUFTAKT_PRINT_ERROR,
                                              AUFTAKT_PRINT_ERROR_WRITE) ? output : argv[1],
                             error);

  n_pages = auftakt_print_document_get_n_pages (document);
  report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s",
                                         "Wrote %u pages to %s", n_pages),
                            n_pages, output);
  if (to_stdout)
    g_printerr ("%s\npages=%u\n", report, n_pages);
  else
    g_print ("%s\npages=%u\n", report, n_pages);

  return AUFTAKT_EXIT_OK;
}
