/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-window-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "auftakt-application.h"
#include "auftakt-table-page.h"
#include "auftakt-window.h"
#include "auftakt-xml-reader.h"

/* Opening a plan with 20,000 participants in the window and filtering and
 * scrolling its participant list (HACKING.md, "Window benchmark").  Needs a
 * display: xvfb-run -a build/bench/window-bench [-n N] */

static int n_participants = 20000;

static const char *first_names[] = {
  "Anna", "Bernd", "Clara", "Deniz", "Emil", "Frieda", "Georg", "Hanna", "Ilse", "Jonas",
  "Karla", "Lars", "Mira", "Nils", "Olga", "Paul", "Rosa", "Sven", "Tanja", "Uwe",
};
static const char *last_names[] = {
  "Albrecht", "Becker", "Conrad", "Dietrich", "Engel", "Fischer", "Graf", "Hoffmann",
  "Jansen", "Krüger", "Lorenz", "Maier", "Neumann", "Otto", "Peters", "Richter", "Schulz",
  "Thiele", "Vogel", "Winkler", "Özdemir", "Zimmermann",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Runs the main loop until nothing is pending; returns the longest single
 * iteration in milliseconds (what a user would see as a stall). */
static double
run_until_idle (gboolean (*busy) (gpointer), gpointer data)
{
  double longest = 0;

  for (;;)
    {
      double start = now ();
      gboolean dispatched = g_main_context_iteration (NULL, FALSE);
      double took = (now () - start) * 1000;

      longest = MAX (longest, took);
      if (!dispatched && (busy == NULL || !busy (data)))
        break;
      if (!dispatched)
        g_usleep (1000);
    }
  return longest;
}

static gboolean
filtering (gpointer data)
{
  return auftakt_table_page_get_n_pending (data) > 0;
}

static void
wait_ms (guint ms)
{
  double end = now () + ms / 1000.0;

  while (now () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static char *
make_plan (const char *dir)
{
  g_autofree char *xml = auftakt_application_find_demo ();
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GListStore *participants;
  GListModel *workshops;
  guint n_workshops;
  char *path = g_build_filename (dir, "large.auftakt", NULL);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  double start;

  event = auftakt_xml_read_event (xml, &error);
  g_assert_no_error (error);
  participants = auftakt_event_get_participants (event);
  workshops = G_LIST_MODEL (auftakt_event_get_workshops (event));
  n_workshops = g_list_model_get_n_items (workshops);

  for (int i = 0; i < n_participants; i++)
    {
      g_autofree char *id = g_strdup_printf ("X%d", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                               last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      g_autofree char *email = g_strdup_printf ("person%d@example.org", i + 1);
      AuftaktParticipant *p = auftakt_participant_new (id);
      const char *choices[4] = { NULL };
      guint first = g_rand_int_range (rand, 0, n_workshops);

      for (guint c = 0; c < 3 && c < n_workshops; c++)
        {
          g_autoptr(AuftaktWorkshop) w = g_list_model_get_item (workshops, (first + c) % n_workshops);

          choices[c] = auftakt_workshop_get_id (w);
        }
      auftakt_participant_set_name (p, name);
      auftakt_participant_set_email (p, email);
      auftakt_participant_set_organisation (p, "Landeshauptstadt Potsdam");
      auftakt_participant_set_choices (p, choices);
      g_ptr_array_add (people, p);
    }
  g_list_store_splice (participants, 0, g_list_model_get_n_items (G_LIST_MODEL (participants)),
                       people->pdata, people->len);

  start = now ();
  store = auftakt_store_create (path, TRUE, event, &error);
  g_assert_no_error (error);
  g_print ("write plan with %d participants: %.2f s\n", n_participants, now () - start);
  return path;
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("window-bench-XXXXXX", NULL);
  g_autofree char *path = make_plan (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *searches[] = { "a", "an", "ann", "anna", "anna b", "", "richter", "person1999", "" };
  AuftaktWindow *window;
  AuftaktTablePage *page;
  GtkAdjustment *adjustment;
  double start, longest, open_seconds;
  g_autoptr(GError) error = NULL;

  g_application_hold (app);
  window = auftakt_window_new (AUFTAKT_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);

  start = now ();
  if (!auftakt_window_open_file (window, file, &error))
    g_error ("%s", error->message);
  auftakt_window_set_section (window, "participants");
  page = AUFTAKT_TABLE_PAGE (auftakt_window_get_page (window, "participants"));
  longest = run_until_idle (filtering, page);
  open_seconds = now () - start;
  g_print ("open the plan and show the participants: %.2f s (longest main-loop stall %.0f ms), "
           "%u rows\n", open_seconds, longest, auftakt_table_page_get_n_shown (page));

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      GtkEditable *search = auftakt_table_page_get_search (page);

      start = now ();
      gtk_editable_set_text (search, searches[i]);
      /* What the search entry would do after its delay. */
      g_signal_emit_by_name (search, "search-changed");
      longest = run_until_idle (filtering, page);
      g_print ("filter “%s”: %.0f ms to the final %u rows, longest stall %.0f ms\n",
               searches[i], (now () - start) * 1000, auftakt_table_page_get_n_shown (page),
               longest);
    }

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (auftakt_table_page_get_column_view (page)));
  {
    guint steps = 200;
    double worst = 0;

    start = now ();
    for (guint i = 0; i < steps; i++)
      {
        double step_start = now ();
        double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

        gtk_adjustment_set_value (adjustment, upper * i / steps);
        run_until_idle (NULL, NULL);
        worst = MAX (worst, (now () - step_start) * 1000);
      }
    g_print ("scroll through the list in %u jumps: %.1f ms each on average, worst %.0f ms\n",
             steps, (now () - start) * 1000 / steps, worst);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  g_application_release (app);
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AuftaktApplication) app = NULL;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "-n"))
    n_participants = atoi (argv[2]);

  app = auftakt_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
