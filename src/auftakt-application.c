/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-application.h"
#include "auftakt-window.h"

#define MAX_RECENT 10

struct _AuftaktApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AuftaktApplication, auftakt_application, ADW_TYPE_APPLICATION)

static AuftaktWindow *
new_window (AuftaktApplication *self)
{
  return auftakt_window_new (self);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AuftaktApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Auftakt developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Auftakt"),
                        "developer-name", _("The Auftakt developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan kickoff events: agenda, workshops, rooms and who "
                                      "attends what"),
                        "developers", developers,
                        "copyright", "© 2026 The Auftakt developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets each save its size. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
new_window_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
  { "new-window", new_window_action_cb },
};

static void
auftakt_application_activate (GApplication *app)
{
  AuftaktApplication *self = AUFTAKT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *last = NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (new_window (self));

      /* Reopen the plan of last time; without one, the welcome page. */
      last = g_settings_get_string (self->settings, "last-file");
      if (last != NULL && *last != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_uri (last);

          if (g_file_query_exists (file, NULL))
            auftakt_window_open_file (AUFTAKT_WINDOW (window), file, NULL);
        }
    }

  gtk_window_present (window);
}

static void
auftakt_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  AuftaktApplication *self = AUFTAKT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      AuftaktWindow *window = new_window (self);

      auftakt_window_open_file (window, files[i], NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
auftakt_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *new_window_accels[] = { "<Control><Shift>n", NULL };

  g_autofree char *icons = g_build_filename (SOURCE_DATADIR, "icons", NULL);

  G_APPLICATION_CLASS (auftakt_application_parent_class)->startup (app);

  /* Run from the build tree, the icon is not installed yet.  Tests with
   * isolated directories lack the MIME database that loading it needs. */
  if (g_file_test (icons, G_FILE_TEST_IS_DIR) && !g_test_initialized ())
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    icons);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         new_window_accels);
}

static void
auftakt_application_dispose (GObject *object)
{
  AuftaktApplication *self = AUFTAKT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (auftakt_application_parent_class)->dispose (object);
}

static void
auftakt_application_class_init (AuftaktApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = auftakt_application_dispose;
  app_class->activate = auftakt_application_activate;
  app_class->open = auftakt_application_open;
  app_class->startup = auftakt_application_startup;
}

static void
auftakt_application_init (AuftaktApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

AuftaktApplication *
auftakt_application_new (GApplicationFlags flags)
{
  return g_object_new (AUFTAKT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/auftakt/Auftakt",
                       NULL);
}

GSettings *
auftakt_application_get_settings (AuftaktApplication *self)
{
  g_return_val_if_fail (AUFTAKT_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
auftakt_application_add_recent (AuftaktApplication *self,
                                GFile              *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
  g_settings_set_string (self->settings, "last-file", uri);
}

char *
auftakt_application_find_demo (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", "potsdam.xml", NULL);
  g_autofree char *source = g_build_filename (SOURCE_DATADIR, "demo", "potsdam.xml", NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source);
  return NULL;
}
