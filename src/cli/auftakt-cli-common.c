/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "auftakt-cli-common.h"

GOptionContext *
auftakt_cli_option_context (const AuftaktCliCommand *command,
                            const GOptionEntry      *entries)
{
  /* The command's name stays as typed; GOption would look the whole line
   * up in the catalogue, where only the parameters are. */
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name,
                                                 _(command->parameters));
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses a command's options; FALSE means stop with *status (after --help
 * too, which is a success). */
gboolean
auftakt_cli_parse (const AuftaktCliCommand *command,
                   const GOptionEntry      *entries,
                   int                     *argc,
                   char                  ***argv,
                   int                     *status)
{
  g_autoptr(GOptionContext) context = auftakt_cli_option_context (command, entries);
  g_autoptr(GError) error = NULL;

  /* GOptionContext exits by itself on --help; keep that, it exits 0. */
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = auftakt_cli_usage_error (command->name, "%s", error->message);
      return FALSE;
    }

  /* GOptionContext leaves the "--" that ends the options (before a file
   * named -x.xml) among the arguments */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  return TRUE;
}

int
auftakt_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("auftakt-cli %s: %s\n", command, message);
  g_printerr (_("Try “auftakt-cli %s --help” for more information."), command);
  g_printerr ("\n");

  return AUFTAKT_EXIT_USAGE;
}

/* "FILE: message", unless the message already starts with the file
 * ("FILE:LINE: message" from the readers). */
int
auftakt_cli_fail (const char   *path,
                       const GError *error)
{
  g_autofree char *prefix = g_strconcat (path, ":", NULL);

  if (g_str_has_prefix (error->message, prefix))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);

  return AUFTAKT_EXIT_USAGE;
}

/* Whether both paths name one existing file (through links too): an output
 * that is the input would destroy it. */
gboolean
auftakt_cli_is_same_file (const char *a,
                          const char *b)
{
  GStatBuf sa, sb;

  return a != NULL && b != NULL && g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A plan is an SQLite file; anything else is taken for XML.  Only a
 * regular file is looked into: reading from a pipe (auftakt-cli check
 * <(…)) would take its first bytes away from the XML reader. */
gboolean
auftakt_cli_is_plan (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file;
  gboolean is_plan;

  if (g_str_has_suffix (path, ".auftakt"))
    return TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  file = fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  is_plan = fread (header, 1, sizeof header, file) == sizeof header &&
            memcmp (header, magic, sizeof header) == 0;
  fclose (file);

  return is_plan;
}

/* Opens a plan and loads the event --event names, or its only one. */
AuftaktEvent *
auftakt_cli_load_plan_event (const char    *path,
                             const char    *event_id,
                             AuftaktStore **store_out,
                             GError       **error)
{
  g_autoptr(AuftaktStore) store = NULL;
  g_autofree char *id = NULL;
  AuftaktEvent *event;

  store = auftakt_store_open (path, error);
  if (store == NULL)
    return NULL;

  id = auftakt_store_resolve_event (store, event_id, error);
  if (id == NULL)
    return NULL;

  event = auftakt_store_load_event (store, id, error);
  if (event != NULL && store_out != NULL)
    *store_out = g_steal_pointer (&store);

  return event;
}
