/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "auftakt-application.h"
#include "auftakt-item-editor.h"
#include "auftakt-page.h"
#include "auftakt-table-page.h"
#include "auftakt-timetable-page.h"
#include "auftakt-window.h"
#include "ui/ui-test-util.h"

/* The real window under Xvfb: the demo opens, the sections show what the
 * plan holds, forms refuse what is wrong, the scheduler fills the
 * timetable, and every edit reaches the file and can be undone. */

typedef UiTestFixture Fixture;

static void
wait_for_filter (AuftaktTablePage *page)
{
  for (guint i = 0; i < 500 && auftakt_table_page_get_n_pending (page) > 0; i++)
    g_main_context_iteration (NULL, FALSE) || (ui_test_wait_ms (10), TRUE);
  ui_test_wait_ms (50);
}

static guint
n_items (Fixture *fixture,
         GType    type)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);

  return g_list_model_get_n_items (G_LIST_MODEL (auftakt_document_get_list (document, type)));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The button below @widget whose tooltip is @tooltip, the first of them. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activates @action, picks @file in the file chooser it opens (NULL:
 * cancels it) and waits until the chooser is gone. */
static void
choose_file (Fixture    *fixture,
             const char *action,
             GFile      *file)
{
  GtkWindow *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  /* generous waits: in the sanitizer build GTK's chooser takes seconds */
  for (guint i = 0; i < 3000 && chooser == NULL; i++)
    {
      ui_test_wait_ms (10);
      chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    }
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (fixture->window));

  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean selected = FALSE;

      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
      g_assert_no_error (error);
      /* Saving, the name the window offered stays in the entry otherwise. */
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        {
          g_autofree char *name = g_file_get_basename (file);

          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
        }
      /* The chooser selects the file once its folder has loaded, and
       * ignores an accept before that: wait for the selection. */
      for (guint i = 0; i < 3000 && !selected; i++)
        {
          g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

          selected = chosen != NULL && g_file_equal (chosen, file);
          if (!selected)
            ui_test_wait_ms (10);
        }
      g_assert_true (selected);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), file != NULL ? GTK_RESPONSE_ACCEPT
                                                          : GTK_RESPONSE_CANCEL);
  /* saving, the chooser first checks the file and its folder, in the
   * background: no second response, it would cancel that check */
  for (guint i = 0; i < 3000 && find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL; i++)
    ui_test_wait_ms (10);
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  ui_test_wait_ms (50);
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWindow *window;

  g_assert_null (auftakt_window_get_document (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Auftakt");

  /* Actions that need a plan are off without one. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL) &&
                  auftakt_window_get_document (fixture->window) != NULL);

  /* The shortcuts window is the window's help overlay.  (Not shown here:
   * GTK 4.8's shortcuts window warns about a label of negative width.) */
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.about", NULL));
  ui_test_wait_ms (100);
  window = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (window);
  gtk_window_destroy (window);
}

static void
test_bulk_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  AuftaktTablePage *page =
    AUFTAKT_TABLE_PAGE (auftakt_window_get_page (fixture->window, "participants"));
  GtkSelectionModel *selection =
    gtk_column_view_get_model (auftakt_table_page_get_column_view (page));

  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  GListModel *participants =
    G_LIST_MODEL (auftakt_document_get_list (document, AUFTAKT_TYPE_PARTICIPANT));
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);

      g_ptr_array_add (before, g_strdup (auftakt_participant_get_id (p)));
    }

  /* Few rows and many rows (which go in one batch) come back in order. */
  auftakt_window_set_section (fixture->window, "participants");
  wait_for_filter (page);
  g_assert_true (gtk_selection_model_select_range (selection, 10, 5, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "table.delete", NULL));
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 119);
  wait_for_filter (page);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (page), ==, 119);
  g_assert_true (gtk_selection_model_select_range (selection, 30, 40, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "table.delete", NULL));
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 79);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 119);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 124);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);

      g_assert_cmpstr (auftakt_participant_get_id (p), ==, g_ptr_array_index (before, i));
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 119);

  /* A bulk edit: an organisation for twenty participants, one undo. */
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (items, g_list_model_get_item (participants, i));
  editor = auftakt_item_editor_new_bulk (document, AUFTAKT_TYPE_PARTICIPANT, items);
  g_assert_null (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor), "organisation"));
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "unavailable", "R9");
  g_assert_false (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "unavailable", "");
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "organisation", "Stadtwerke");
  g_assert_true (auftakt_item_editor_save (AUFTAKT_ITEM_EDITOR (editor), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);

      g_assert_cmpstr (auftakt_participant_get_organisation (p), ==, "Stadtwerke");
      g_assert_nonnull (auftakt_participant_get_name (p));
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  {
    g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, 0);

    g_assert_cmpstr (auftakt_participant_get_organisation (p), !=, "Stadtwerke");
  }
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  const char *sections[] = { "overview", "agenda", "workshops", "rooms", "referees",
                             "participants", "timetable" };
  AuftaktTablePage *participants;

  g_assert_nonnull (auftakt_window_get_document (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Digitale Kommune Potsdam");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_nonnull (auftakt_window_get_page (fixture->window, sections[i]));
      auftakt_window_set_section (fixture->window, sections[i]);
      ui_test_wait_ms (20);
      g_assert_cmpstr (auftakt_window_get_section (fixture->window), ==, sections[i]);
    }

  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 124);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_WORKSHOP), ==, 5);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_ROOM), ==, 6);

  /* What the tables show matches the model. */
  participants = AUFTAKT_TABLE_PAGE (auftakt_window_get_page (fixture->window, "participants"));
  wait_for_filter (participants);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (participants), ==, 124);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (
                      AUFTAKT_TABLE_PAGE (auftakt_window_get_page (fixture->window, "rooms"))),
                    ==, 6);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (
                      AUFTAKT_TABLE_PAGE (auftakt_window_get_page (fixture->window, "referees"))),
                    ==, 12);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  AuftaktTablePage *page =
    AUFTAKT_TABLE_PAGE (auftakt_window_get_page (fixture->window, "participants"));
  GtkEditable *search = auftakt_table_page_get_search (page);
  guint n;

  auftakt_window_set_section (fixture->window, "participants");
  gtk_editable_set_text (search, "RICHTER");
  ui_test_wait_ms (400);   /* the search entry waits a moment before it searches */
  wait_for_filter (page);
  n = auftakt_table_page_get_n_shown (page);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 124);

  gtk_editable_set_text (search, "no such person anywhere");
  ui_test_wait_ms (400);
  wait_for_filter (page);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (page), ==, 0);

  gtk_editable_set_text (search, "");
  ui_test_wait_ms (400);
  wait_for_filter (page);
  g_assert_cmpuint (auftakt_table_page_get_n_shown (page), ==, 124);
}

static void
test_workshop_form (Fixture       *fixture,
                    gconstpointer  data)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  g_autofree char *path = g_strdup (auftakt_document_get_path (document));
  g_autoptr(AuftaktDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  editor = auftakt_item_editor_new (document, AUFTAKT_TYPE_WORKSHOP, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));
  g_assert_nonnull (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor), "title"));

  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "title", "Open Data");
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "max", "0");
  g_assert_false (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));
  g_assert_nonnull (strstr (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor), "max"),
                            "positive whole number"));
  g_assert_false (auftakt_item_editor_save (AUFTAKT_ITEM_EDITOR (editor), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_WORKSHOP), ==, 5);

  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "max", "abc");
  g_assert_nonnull (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor), "max"));
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "max", "25");
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "leads", "F1, F99");
  g_assert_nonnull (strstr (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor), "leads"),
                            "F99"));
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "leads", "F1");
  g_assert_true (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));
  g_assert_true (auftakt_item_editor_save (AUFTAKT_ITEM_EDITOR (editor), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_WORKSHOP), ==, 6);

  /* Written to the file as it happened. */
  reopened = auftakt_document_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (auftakt_event_find_workshop (auftakt_document_get_event (reopened), "W6"));
  g_assert_cmpint (auftakt_workshop_get_max (
                     auftakt_event_find_workshop (auftakt_document_get_event (reopened), "W6")),
                   ==, 25);
  g_clear_object (&reopened);

  /* Undo takes it back, in the window and in the file; redo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_WORKSHOP), ==, 5);
  reopened = auftakt_document_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (auftakt_event_find_workshop (auftakt_document_get_event (reopened), "W6"));
  g_clear_object (&reopened);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_WORKSHOP), ==, 6);
}

static void
test_delete_cascade (Fixture       *fixture,
                     gconstpointer  data)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  AuftaktEvent *event = auftakt_document_get_event (document);
  const char *ids[] = { "WS1", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  guint with_choice = 0;

  for (guint i = 0; i < n_items (fixture, AUFTAKT_TYPE_PARTICIPANT); i++)
    {
      g_autoptr(AuftaktParticipant) p =
        g_list_model_get_item (G_LIST_MODEL (auftakt_event_get_participants (event)), i);

      with_choice += g_strv_contains (auftakt_participant_get_choices (p), "WS1");
    }
  g_assert_cmpuint (with_choice, >, 0);

  /* A form still naming the deleted workshop says so. */
  editor = auftakt_item_editor_new (document, AUFTAKT_TYPE_PARTICIPANT, NULL);
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "name", "Neu");
  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "choices", "WS1, WS2");
  g_assert_true (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));

  g_assert_true (auftakt_document_delete_items (document, AUFTAKT_TYPE_WORKSHOP, ids, &error));
  g_assert_no_error (error);
  g_assert_null (auftakt_event_find_workshop (event, "WS1"));
  for (guint i = 0; i < n_items (fixture, AUFTAKT_TYPE_PARTICIPANT); i++)
    {
      g_autoptr(AuftaktParticipant) p =
        g_list_model_get_item (G_LIST_MODEL (auftakt_event_get_participants (event)), i);

      g_assert_false (g_strv_contains (auftakt_participant_get_choices (p), "WS1"));
    }

  auftakt_item_editor_set_text (AUFTAKT_ITEM_EDITOR (editor), "choices", "WS2, WS1");
  g_assert_false (auftakt_item_editor_is_valid (AUFTAKT_ITEM_EDITOR (editor)));
  g_assert_nonnull (strstr (auftakt_item_editor_get_error (AUFTAKT_ITEM_EDITOR (editor),
                                                           "choices"), "WS1"));
  gtk_window_destroy (GTK_WINDOW (editor));

  g_assert_true (auftakt_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (auftakt_event_find_workshop (event, "WS1"));
  with_choice = 0;
  for (guint i = 0; i < n_items (fixture, AUFTAKT_TYPE_PARTICIPANT); i++)
    {
      g_autoptr(AuftaktParticipant) p =
        g_list_model_get_item (G_LIST_MODEL (auftakt_event_get_participants (event)), i);

      with_choice += g_strv_contains (auftakt_participant_get_choices (p), "WS1");
    }
  g_assert_cmpuint (with_choice, >, 0);
}

static void
solve (Fixture *fixture)
{
  AuftaktTimetablePage *page =
    AUFTAKT_TIMETABLE_PAGE (auftakt_window_get_page (fixture->window, "timetable"));

  auftakt_window_set_section (fixture->window, "timetable");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timetable.solve", NULL));
  g_assert_true (auftakt_timetable_page_get_solving (page));
  for (guint i = 0; i < 600 && auftakt_timetable_page_get_solving (page); i++)
    ui_test_wait_ms (50);
  g_assert_false (auftakt_timetable_page_get_solving (page));
}

static void
test_solve_and_move (Fixture       *fixture,
                     gconstpointer  data)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  AuftaktEvent *event = auftakt_document_get_event (document);
  AuftaktTimetablePage *page =
    AUFTAKT_TIMETABLE_PAGE (auftakt_window_get_page (fixture->window, "timetable"));
  AuftaktSchedule *schedule;
  AuftaktSession *full = NULL, *other = NULL;
  AuftaktCheckReport *report;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (auftakt_document_get_path (document));
  g_autoptr(AuftaktDocument) reopened = NULL;
  g_autofree char *participant = NULL;
  gboolean seats_broken = FALSE;

  g_assert_null (auftakt_event_get_schedule (event));
  solve (fixture);

  schedule = auftakt_event_get_schedule (event);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (auftakt_schedule_get_n_sessions (schedule), >, 0);
  g_assert_nonnull (auftakt_timetable_page_get_summary (page));
  report = auftakt_document_get_report (document);
  g_assert_true (report->valid);
  g_assert_cmpuint (report->n_participants, ==, 124);
  g_assert_cmpuint (auftakt_timetable_page_list_problems (page)->len, ==, 0);

  reopened = auftakt_document_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (auftakt_event_get_schedule (auftakt_document_get_event (reopened)));
  g_clear_object (&reopened);

  /* A session whose room is full, and another one in the same round. */
  for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule) && full == NULL; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
      AuftaktRoom *room = auftakt_event_find_room (event, auftakt_session_get_room (session));
      AuftaktWorkshop *workshop = auftakt_event_find_workshop (event,
                                                               auftakt_session_get_workshop (session));
      int capacity = auftakt_room_get_capacity (room);

      if (auftakt_workshop_get_max (workshop) > 0)
        capacity = MIN (capacity, auftakt_workshop_get_max (workshop));
      if ((int) auftakt_session_get_n_attendees (session) == capacity)
        full = session;
    }
  g_assert_nonnull (full);
  for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule) && other == NULL; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (schedule, i);

      if (session != full &&
          g_strcmp0 (auftakt_session_get_round (session), auftakt_session_get_round (full)) == 0)
        other = session;
    }
  g_assert_nonnull (other);
  participant = g_strdup (auftakt_session_get_attendance (other, 0)->participant);

  auftakt_timetable_page_select_session (page, auftakt_session_get_workshop (other),
                                         auftakt_session_get_round (other));
  g_assert_true (auftakt_timetable_page_move_attendee (page, participant,
                                                       auftakt_session_get_round (other),
                                                       auftakt_session_get_workshop (other),
                                                       auftakt_session_get_workshop (full),
                                                       &error));
  g_assert_no_error (error);

  report = auftakt_document_get_report (document);
  g_assert_false (report->valid);
  for (guint i = 0; i < report->violations->len; i++)
    {
      AuftaktViolation *violation = g_ptr_array_index (report->violations, i);

      seats_broken |= violation->rule == AUFTAKT_CHECK_RULE_SEATS;
    }
  g_assert_true (seats_broken);
  g_assert_cmpuint (auftakt_timetable_page_list_problems (page)->len, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  report = auftakt_document_get_report (document);
  g_assert_true (report->valid);
  g_assert_cmpuint (auftakt_timetable_page_list_problems (page)->len, ==, 0);

  /* A session moved into a room taken in that round clashes; undo. */
  schedule = auftakt_event_get_schedule (event);
  {
    AuftaktSession *a = auftakt_schedule_get_session (schedule, 0);
    AuftaktSession *b = NULL;

    for (guint i = 1; i < auftakt_schedule_get_n_sessions (schedule) && b == NULL; i++)
      if (g_strcmp0 (auftakt_session_get_round (auftakt_schedule_get_session (schedule, i)),
                     auftakt_session_get_round (a)) == 0)
        b = auftakt_schedule_get_session (schedule, i);
    g_assert_nonnull (b);
    g_assert_true (auftakt_timetable_page_move_session (page, auftakt_session_get_workshop (a),
                                                        auftakt_session_get_round (a),
                                                        auftakt_session_get_room (b),
                                                        auftakt_session_get_round (a), &error));
    g_assert_no_error (error);
    report = auftakt_document_get_report (document);
    g_assert_false (report->valid);
    g_assert_true (auftakt_document_undo (document, &error));
    g_assert_true (auftakt_document_get_report (document)->valid);
  }

  /* A locked session keeps its place when the scheduler runs again. */
  schedule = auftakt_event_get_schedule (event);
  {
    AuftaktSession *first = auftakt_schedule_get_session (schedule, 0);
    g_autofree char *workshop = g_strdup (auftakt_session_get_workshop (first));
    g_autofree char *round = g_strdup (auftakt_session_get_round (first));
    g_autofree char *room = g_strdup (auftakt_session_get_room (first));
    AuftaktSession *kept;

    g_assert_true (auftakt_timetable_page_lock (page, workshop, round, NULL, TRUE, &error));
    g_assert_no_error (error);
    solve (fixture);
    kept = auftakt_schedule_find_session (auftakt_event_get_schedule (event), workshop, round);
    g_assert_nonnull (kept);
    g_assert_true (auftakt_session_get_locked (kept));
    g_assert_cmpstr (auftakt_session_get_room (kept), ==, room);
  }
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "bench",
                                                 "instances", "medium-s1.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  AuftaktDocument *document;

  if (!g_file_query_exists (file, NULL))
    {
      g_test_skip ("../shared/bench is not there");
      return;
    }

  first = g_strdup (auftakt_event_get_id (auftakt_document_get_event (
    auftakt_window_get_document (fixture->window))));
  g_assert_true (auftakt_window_import_file (fixture->window, file, &error));
  g_assert_no_error (error);

  /* The imported event joined the plan and is shown, with its title. */
  document = auftakt_window_get_document (fixture->window);
  second = g_strdup (auftakt_event_get_id (auftakt_document_get_event (document)));
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   auftakt_document_get_title (document));
  {
    g_auto(GStrv) ids = auftakt_store_list_events (auftakt_document_get_store (document), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (ids), ==, 2);
  }

  g_assert_true (auftakt_window_switch_event (fixture->window, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Digitale Kommune Potsdam");
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 124);

  g_assert_false (auftakt_window_switch_event (fixture->window, "no-such-event", &error));
  g_assert_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT);
}

static void
test_file_choosers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("test-window-files-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "Kopie.auftakt", NULL);
  g_autofree char *new_path = g_build_filename (dir, "Neu.auftakt", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "event.xml", NULL);
  g_autoptr(GFile) copy_chosen = g_file_new_build_filename (dir, "Kopie", NULL);
  g_autoptr(GFile) new_chosen = g_file_new_build_filename (dir, "Neu", NULL);
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  const char *shown = auftakt_document_get_path (document);

  /* Cancelled: nothing happens. */
  choose_file (fixture, "win.open", NULL);
  g_assert_true (auftakt_window_get_document (fixture->window) == document);
  g_assert_cmpstr (auftakt_document_get_path (document), ==, shown);

  /* The exchange format, written where the user said. */
  choose_file (fixture, "win.export", xml);
  g_assert_true (g_file_test (xml_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (auftakt_window_get_document (fixture->window) == document);

  /* A copy gets the plan suffix the user left out, and is what is shown. */
  choose_file (fixture, "win.save-copy", copy_chosen);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (auftakt_document_get_path (auftakt_window_get_document (fixture->window)),
                   ==, copy_path);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 124);

  /* So does a new plan, which starts empty. */
  choose_file (fixture, "win.new", new_chosen);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (auftakt_document_get_path (auftakt_window_get_document (fixture->window)),
                   ==, new_path);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 0);
  g_assert_cmpstr (auftakt_window_get_section (fixture->window), ==, "overview");

  /* And a plan chosen to open is opened. */
  choose_file (fixture, "win.open", copy);
  g_assert_cmpstr (auftakt_document_get_path (auftakt_window_get_document (fixture->window)),
                   ==, copy_path);
  g_assert_cmpuint (n_items (fixture, AUFTAKT_TYPE_PARTICIPANT), ==, 124);

  g_unlink (xml_path);
  g_unlink (copy_path);
  g_unlink (new_path);
  g_rmdir (dir);
}

/* The edit and delete buttons in the rows of the agenda and workshops. */
static void
test_item_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct {
    const char *section;
    GType       type;
    const char *edit;
    const char *delete;
  } pages[] = {
    { "agenda", AUFTAKT_TYPE_AGENDA_ITEM, "Edit Agenda Item", "Delete Agenda Item" },
    { "agenda", AUFTAKT_TYPE_ROUND, "Edit Round", "Delete Round" },
    { "workshops", AUFTAKT_TYPE_WORKSHOP, "Edit Workshop", "Delete Workshop" },
    { "workshops", AUFTAKT_TYPE_CLUSTER, "Edit Cluster", "Delete Cluster" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = auftakt_window_get_page (fixture->window, pages[i].section);
      guint n = n_items (fixture, pages[i].type);
      GtkWidget *button;
      GtkWindow *editor;

      auftakt_window_set_section (fixture->window, pages[i].section);
      ui_test_wait_ms (20);
      g_assert_cmpuint (n, >, 0);

      button = find_button (page, pages[i].edit);
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      ui_test_wait_ms (50);
      editor = find_toplevel (AUFTAKT_TYPE_ITEM_EDITOR);
      g_assert_nonnull (editor);
      g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
      gtk_window_destroy (editor);
      ui_test_wait_ms (20);

      button = find_button (page, pages[i].delete);
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      ui_test_wait_ms (20);
      g_assert_cmpuint (n_items (fixture, pages[i].type), ==, n - 1);

      /* The toast offers win.undo, which brings it back. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo",
                                                 NULL));
      ui_test_wait_ms (20);
      g_assert_cmpuint (n_items (fixture, pages[i].type), ==, n);
    }
}

/* A page that counts what AuftaktPage tells it. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, AuftaktPage)

struct _TestPage
{
  AuftaktPage parent_instance;

  guint n_set;
  guint n_changed;
  guint n_changed_at_set;
  gboolean had_document;  /* at the last document_changed */
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, AUFTAKT_TYPE_PAGE)

static void
test_page_document_set (AuftaktPage *page)
{
  TEST_PAGE (page)->n_set++;
  TEST_PAGE (page)->n_changed_at_set = TEST_PAGE (page)->n_changed;
}

static void
test_page_document_changed (AuftaktPage *page)
{
  TEST_PAGE (page)->n_changed++;
  TEST_PAGE (page)->had_document = auftakt_page_get_document (page) != NULL;
}

static void
test_page_class_init (TestPageClass *klass)
{
  AUFTAKT_PAGE_CLASS (klass)->document_set = test_page_document_set;
  AUFTAKT_PAGE_CLASS (klass)->document_changed = test_page_document_changed;
}

static void
test_page_init (TestPage *self)
{
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_page_document (Fixture       *fixture,
                    gconstpointer  data)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  const char *sections[] = { "overview", "agenda", "workshops", "rooms", "referees",
                             "participants", "timetable" };
  g_autoptr(TestPage) page = g_object_ref_sink (g_object_new (TEST_TYPE_PAGE, NULL));
  g_autoptr(AuftaktDocument) got = NULL;
  guint n_notify = 0;

  /* The window's sections all are pages that show its document. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *section = auftakt_window_get_page (fixture->window, sections[i]);

      g_assert_true (AUFTAKT_IS_PAGE (section));
      g_assert_true (auftakt_page_get_document (AUFTAKT_PAGE (section)) == document);
    }

  g_signal_connect (page, "notify::document", G_CALLBACK (count_notify_cb), &n_notify);
  g_object_set (page, "document", document, NULL);
  g_object_get (page, "document", &got, NULL);
  g_assert_true (got == document);
  g_assert_cmpuint (page->n_set, ==, 1);
  g_assert_cmpuint (page->n_changed, ==, 1);
  g_assert_true (page->had_document);
  g_assert_cmpuint (n_notify, ==, 1);

  /* Every change of the document, and nothing more. */
  g_signal_emit_by_name (document, "changed");
  g_assert_cmpuint (page->n_set, ==, 1);
  g_assert_cmpuint (page->n_changed, ==, 2);

  /* The same document again is shown again, without a notification. */
  auftakt_page_set_document (AUFTAKT_PAGE (page), document);
  g_assert_cmpuint (page->n_set, ==, 2);
  g_assert_cmpuint (page->n_changed, ==, 3);
  g_assert_cmpuint (page->n_changed_at_set, ==, 2);  /* told of the document, then to show it */
  g_assert_cmpuint (n_notify, ==, 1);

  /* Without a document the page no longer follows the old one. */
  auftakt_page_set_document (AUFTAKT_PAGE (page), NULL);
  g_assert_cmpuint (page->n_set, ==, 3);
  g_assert_cmpuint (page->n_changed, ==, 4);
  g_assert_false (page->had_document);
  g_assert_cmpuint (n_notify, ==, 2);
  g_signal_emit_by_name (document, "changed");
  g_assert_cmpuint (page->n_changed, ==, 4);

  /* Released, the document is dropped without a word to the page. */
  auftakt_page_set_document (AUFTAKT_PAGE (page), document);
  auftakt_page_release_document (AUFTAKT_PAGE (page));
  g_assert_null (auftakt_page_get_document (AUFTAKT_PAGE (page)));
  g_signal_emit_by_name (document, "changed");
  g_assert_cmpuint (page->n_set, ==, 4);
  g_assert_cmpuint (page->n_changed, ==, 5);

  /* Disposed with a document, the page leaves the document's signal. */
  auftakt_page_set_document (AUFTAKT_PAGE (page), document);
  g_signal_handlers_disconnect_by_func (page, count_notify_cb, &n_notify);
  g_object_run_dispose (G_OBJECT (page));
  g_assert_null (auftakt_page_get_document (AUFTAKT_PAGE (page)));
  g_signal_emit_by_name (document, "changed");
  g_assert_cmpuint (page->n_changed, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("test-window-XXXXXX", NULL);
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database that GTK
   * needs to load its SVG icons.  The plans go to a directory of our own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (ui_test_init (&argc, &argv, FALSE) == NULL)
    return g_test_run ();

  ui_test_add ("/ui/window/welcome", NULL, test_welcome);
  ui_test_add ("/ui/window/demo", "demo", test_demo);
  ui_test_add ("/ui/table/filter", "demo", test_filter);
  ui_test_add ("/ui/table/bulk-delete", "demo", test_bulk_delete);
  ui_test_add ("/ui/window/events", "demo", test_events);
  ui_test_add ("/ui/editor/workshop", "demo", test_workshop_form);
  ui_test_add ("/ui/editor/delete-cascade", "demo", test_delete_cascade);
  ui_test_add ("/ui/window/file-choosers", "demo", test_file_choosers);
  ui_test_add ("/ui/pages/item-buttons", "demo", test_item_buttons);
  ui_test_add ("/ui/pages/document", "demo", test_page_document);
  ui_test_add ("/ui/timetable/solve-and-move", "demo", test_solve_and_move);

  status = g_test_run ();
  ui_test_finish ();
  {
    g_autofree char *plans = g_build_filename (data_home, "auftakt", NULL);
    g_autoptr(GDir) dir = g_dir_open (plans, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (plans, name, NULL);

        g_unlink (path);
      }
    g_rmdir (plans);
    g_rmdir (data_home);
  }
  return status;
}
