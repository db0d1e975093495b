/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-screenshots"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <locale.h>

#include "auftakt-application.h"
#include "auftakt-item-editor.h"
#include "auftakt-timetable-page.h"
#include "auftakt-window.h"
#include "ui-test-util.h"

/* Not a test: renders every section of the demo plan into PNGs, for looking
 * at the window in both languages and sizes (see HACKING.md).
 *   auftakt-screenshots OUTDIR WIDTH HEIGHT [--schedule] */

static void
shoot (GtkWidget  *widget,
       const char *dir,
       const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  g_autoptr(GError) error = NULL;

  ui_test_wait_ms (700);
  if (!ui_test_save_png (widget, path, &error))
    g_printerr ("%s: %s\n", path, error->message);
  else
    g_print ("%s\n", path);
}

static void
activate_cb (GApplication *app,
             char        **argv)
{
  const char *dir = argv[1];
  int width = atoi (argv[2]);
  int height = atoi (argv[3]);
  gboolean schedule = argv[4] != NULL && g_str_equal (argv[4], "--schedule");
  /* an exchange-format event instead of the demo */
  const char *event_path = schedule ? argv[5] : NULL;
  const char *sections[] = { "overview", "agenda", "workshops", "rooms", "referees",
                             "participants", "timetable", NULL };
  AuftaktWindow *window = auftakt_window_new (AUFTAKT_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  /* This handler runs before the application's own, which would open a
   * window of its own once this one is gone and so keep the tool running. */
  g_signal_stop_emission_by_name (app, "activate");

  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("%s: %s", dir, g_strerror (errno));
  g_application_hold (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  shoot (GTK_WIDGET (window), dir, "welcome");

  if (event_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (event_path);

      if (!auftakt_window_import_file (window, file, &error))
        g_error ("%s", error->message);
    }
  else if (!auftakt_window_open_demo (window, &error))
    g_error ("%s", error->message);

  if (schedule)
    {
      gtk_widget_activate_action (GTK_WIDGET (auftakt_window_get_page (window, "timetable")),
                                  "timetable.solve", NULL);
      for (guint i = 0; i < 200 && auftakt_event_get_schedule (
             auftakt_document_get_event (auftakt_window_get_document (window))) == NULL; i++)
        ui_test_wait_ms (100);
    }

  for (guint i = 0; sections[i] != NULL; i++)
    {
      auftakt_window_set_section (window, sections[i]);
      shoot (GTK_WIDGET (window), dir, sections[i]);
    }

  /* A form refusing a capacity. */
  {
    GtkWidget *editor = auftakt_item_editor_new (auftakt_window_get_document (window),
                                                 AUFTAKT_TYPE_WORKSHOP, NULL);

    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (editor));
    auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "title", "Open Data");
    auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "max", "0");
    auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "leads", "F1, F99");
    shoot (GTK_WIDGET (editor), dir, "workshop-form");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* The timetable with a session's details beside it. */
  if (schedule)
    {
      AuftaktSchedule *plan = auftakt_event_get_schedule (
        auftakt_document_get_event (auftakt_window_get_document (window)));
      AuftaktSession *session = auftakt_schedule_get_session (plan, 0);

      auftakt_timetable_page_select_session (
        AUFTAKT_TIMETABLE_PAGE (auftakt_window_get_page (window, "timetable")),
        auftakt_session_get_workshop (session), auftakt_session_get_round (session));
      shoot (GTK_WIDGET (window), dir, "timetable-session");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AuftaktApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* From the build tree: AUFTAKT_LOCALEDIR=BUILDDIR/po shows the translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AUFTAKT_LOCALEDIR") ? g_getenv ("AUFTAKT_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 4)
    {
      g_printerr ("usage: %s OUTDIR WIDTH HEIGHT [--schedule [EVENT.xml]]\n", argv[0]);
      return 2;
    }

  app = auftakt_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
