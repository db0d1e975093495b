/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-ui-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui-test-util.h"

static AuftaktApplication *app;

static void
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @ms milliseconds. */
void
ui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Renders @widget as it is on screen into a PNG at @path. */
gboolean
ui_test_save_png (GtkWidget   *widget,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing drawn yet");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

/* g_test_init(), the locale (C.UTF-8, or with @user_locale the user's and
 * the translations from AUFTAKT_LOCALEDIR), GTK and the registered
 * application the fixtures open their windows in.  Returns NULL when there
 * is no display: the tests are then skipped (outside CI) and the caller
 * returns g_test_run (). */
AuftaktApplication *
ui_test_init (int      *argc,
              char   ***argv,
              gboolean  user_locale)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  if (user_locale)
    {
      setlocale (LC_ALL, "");
      if (g_getenv ("AUFTAKT_LOCALEDIR") != NULL)
        bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AUFTAKT_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      /* In CI a missing display is a failure, not a reason to skip. */
      if (g_getenv ("CI") != NULL && g_strcmp0 (g_getenv ("CI"), "false") != 0)
        g_error ("No display: run the GUI tests under xvfb-run");
      g_test_skip ("No display");
      return NULL;
    }

  app = auftakt_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* Drops the application of ui_test_init(). */
void
ui_test_finish (void)
{
  g_clear_object (&app);
}

/* A presented 1280×800 window; with @data other than NULL it shows the
 * demo plan. */
void
ui_test_fixture_set_up (UiTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = auftakt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  if (data != NULL)
    {
      g_assert_true (auftakt_window_open_demo (fixture->window, &error));
      g_assert_no_error (error);
    }
  ui_test_wait_ms (100);
}

void
ui_test_fixture_tear_down (UiTestFixture *fixture,
                           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_wait_ms (50);
}
