/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "auftakt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AuftaktApplication) app = NULL;
  /* build-aux/demo runs the app from the build tree, translations included */
  const char *localedir = g_getenv ("AUFTAKT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = auftakt_application_new (G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
