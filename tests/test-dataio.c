/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "auftakt-application.h"
#include "auftakt-export-actions.h"
#include "auftakt-print-operation.h"
#include "auftakt-registration-dialog.h"
#include "auftakt-table-page.h"
#include "auftakt-window.h"
#include "ui/ui-test-util.h"

/* Data in and out of the real window under Xvfb: registrations from CSV
 * with the column mapping and its problems, exports in a thread, and
 * printing through GtkPrintOperation. */

typedef UiTestFixture Fixture;

static guint
n_participants (Fixture *fixture)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);

  return g_list_model_get_n_items (G_LIST_MODEL (
    auftakt_document_get_list (document, AUFTAKT_TYPE_PARTICIPANT)));
}

/* "id|name|organisation|email|choices" of each participant, in order. */
static char *
describe_participants (Fixture *fixture)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  GListModel *list = G_LIST_MODEL (auftakt_document_get_list (document,
                                                              AUFTAKT_TYPE_PARTICIPANT));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (list, i);
      g_autofree char *choices = g_strjoinv (",", (char **) auftakt_participant_get_choices (p));

      g_string_append_printf (text, "%s|%s|%s|%s|%s\n", auftakt_participant_get_id (p),
                              auftakt_participant_get_name (p),
                              auftakt_participant_get_organisation (p),
                              auftakt_participant_get_email (p), choices);
    }
  return g_string_free (text, FALSE);
}

static guint
n_attendances (Fixture *fixture)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  AuftaktSchedule *schedule = auftakt_event_get_schedule (auftakt_document_get_event (document));

  return schedule != NULL ? auftakt_schedule_count_attendances (schedule) : 0;
}

static AuftaktRegistrationDialog *
open_csv_sized (Fixture    *fixture,
                const char *name,
                int         height)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AuftaktRegistrationDialog *dialog = auftakt_registration_dialog_new (fixture->window);

  if (height > 0)
    gtk_window_set_default_size (GTK_WINDOW (dialog), 760, height);
  auftakt_registration_dialog_load_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (auftakt_registration_dialog_get_loading (dialog));
  for (guint i = 0; i < 500 && auftakt_registration_dialog_get_loading (dialog); i++)
    ui_test_wait_ms (10);
  g_assert_false (auftakt_registration_dialog_get_loading (dialog));
  return dialog;
}

static AuftaktRegistrationDialog *
open_csv (Fixture    *fixture,
          const char *name)
{
  return open_csv_sized (fixture, name, -1);
}

/* A session of the first workshop with the first three participants, so
 * that removing participants changes the schedule too. */
static AuftaktDocument *
schedule_three (Fixture *fixture)
{
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  AuftaktEvent *event = auftakt_document_get_event (document);
  g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (
    G_LIST_MODEL (auftakt_event_get_workshops (event)), 0);
  g_autoptr(AuftaktRound) round = g_list_model_get_item (
    G_LIST_MODEL (auftakt_event_get_rounds (event)), 0);
  g_autoptr(AuftaktRoom) room = g_list_model_get_item (
    G_LIST_MODEL (auftakt_event_get_rooms (event)), 0);
  AuftaktSchedule *schedule = auftakt_schedule_new ();
  g_autoptr(AuftaktSession) session = auftakt_session_new (auftakt_workshop_get_id (workshop),
                                                           auftakt_round_get_id (round),
                                                           auftakt_room_get_id (room));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (
        G_LIST_MODEL (auftakt_event_get_participants (event)), i);

      auftakt_session_add_attendee (session, auftakt_participant_get_id (p), FALSE);
    }
  auftakt_schedule_add_session (schedule, session);
  g_assert_true (auftakt_document_set_schedule (document, schedule, "Schedule", &error));
  g_assert_no_error (error);
  return document;
}

static void
test_registrations_skip (Fixture       *fixture,
                         gconstpointer  data)
{
  AuftaktDocument *document = schedule_three (fixture);
  AuftaktRegistrationDialog *dialog = open_csv (fixture, "bad-unknown-workshop.csv");
  AuftaktRegistrationImport *import = auftakt_registration_dialog_get_import (dialog);
  g_autoptr(GError) error = NULL;
  AuftaktImportSummary summary;
  guint before = n_participants (fixture);
  guint attendances = n_attendances (fixture);
  g_autofree char *participants = describe_participants (fixture);
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gboolean line_3 = FALSE;
  g_autofree char *expected = NULL;

  g_assert_nonnull (import);
  /* Name;E-Mail;1. Wahl;2. Wahl, guessed from the headers */
  g_assert_cmpuint (auftakt_registration_import_get_n_columns (import), ==, 4);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 0), ==,
                   AUFTAKT_IMPORT_FIELD_NAME);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 1), ==,
                   AUFTAKT_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 2), ==,
                   AUFTAKT_IMPORT_FIELD_CHOICE (1));
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 3), ==,
                   AUFTAKT_IMPORT_FIELD_CHOICE (2));

  /* "Verwaltng" on line 3 is a near-miss, "Kochkurs" on line 5 unknown. */
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (import), >=, 2);
  for (guint i = 0; i < auftakt_registration_import_get_n_problems (import); i++)
    {
      const AuftaktImportProblem *problem = auftakt_registration_import_get_problem (import, i);

      if (problem->line == 3)
        {
          line_3 = TRUE;
          g_assert_nonnull (strstr (problem->message, "Verwaltng"));
        }
    }
  g_assert_true (line_3);

  /* Problems block the import until the organiser skips the bad rows. */
  g_assert_false (auftakt_registration_dialog_get_can_import (dialog));
  auftakt_registration_dialog_set_skip_bad_rows (dialog, TRUE);
  g_assert_true (auftakt_registration_dialog_get_can_import (dialog));

  auftakt_registration_import_get_summary (import, &summary);
  expected = g_strdup_printf ("%u added, %u changed, %u removed, %u unchanged, %u skipped",
                              summary.added, summary.changed, summary.removed,
                              summary.unchanged, summary.skipped);
  g_assert_cmpstr (auftakt_registration_dialog_get_summary (dialog), ==, expected);
  g_assert_cmpuint (summary.skipped, >=, 2);
  g_assert_cmpuint (summary.added, >=, 1);

  g_object_ref (dialog);
  g_assert_true (auftakt_registration_dialog_import (dialog, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* The demo's participants all have e-mail addresses not in the file. */
  g_assert_cmpuint (n_participants (fixture), ==,
                    before - summary.removed + summary.added);
  g_assert_cmpuint (n_participants (fixture), !=, before);

  /* Written to the plan: a fresh document of the same file agrees. */
  {
    g_autoptr(AuftaktDocument) again =
      auftakt_document_open (auftakt_document_get_path (document),
                             auftakt_event_get_id (auftakt_document_get_event (document)),
                             &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
      auftakt_document_get_list (again, AUFTAKT_TYPE_PARTICIPANT))), ==,
                      n_participants (fixture));
  }

  /* One undo takes the whole import back: removals (with their places in
   * the schedule), additions and changes. */
  g_assert_cmpuint (attendances, ==, 3);
  g_assert_cmpuint (n_attendances (fixture), ==, 0);
  imported = describe_participants (fixture);
  g_assert_cmpstr (auftakt_document_get_undo_label (document), ==, "Import Registrations");
  g_assert_true (auftakt_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_participants (fixture), ==, before);
  undone = describe_participants (fixture);
  g_assert_cmpstr (undone, ==, participants);
  g_assert_cmpuint (n_attendances (fixture), ==, attendances);
  g_assert_cmpstr (auftakt_document_get_undo_label (document), !=, "Import Registrations");

  /* In the file too. */
  {
    g_autoptr(AuftaktDocument) again =
      auftakt_document_open (auftakt_document_get_path (document),
                             auftakt_event_get_id (auftakt_document_get_event (document)),
                             &error);
    AuftaktSchedule *schedule;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
      auftakt_document_get_list (again, AUFTAKT_TYPE_PARTICIPANT))), ==, before);
    schedule = auftakt_event_get_schedule (auftakt_document_get_event (again));
    g_assert_nonnull (schedule);
    g_assert_cmpuint (auftakt_schedule_count_attendances (schedule), ==, attendances);
  }

  /* And redone as one. */
  g_assert_true (auftakt_document_redo (document, &error));
  g_assert_no_error (error);
  redone = describe_participants (fixture);
  g_assert_cmpstr (redone, ==, imported);
}

static void
test_registrations_mapping (Fixture       *fixture,
                            gconstpointer  data)
{
  AuftaktRegistrationDialog *dialog = open_csv (fixture, "webform.csv");
  AuftaktRegistrationImport *import = auftakt_registration_dialog_get_import (dialog);
  int email = -1;

  for (guint i = 0; i < auftakt_registration_import_get_n_columns (import); i++)
    if (auftakt_registration_import_get_column_field (import, i) == AUFTAKT_IMPORT_FIELD_EMAIL)
      email = i;
  g_assert_cmpint (email, ==, 2);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 1), ==,
                   AUFTAKT_IMPORT_FIELD_NAME);
  /* Timestamp and Comments mean nothing to the import. */
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 0), ==,
                   AUFTAKT_IMPORT_FIELD_IGNORE);
  g_assert_true (auftakt_registration_dialog_get_can_import (dialog));

  /* Without an e-mail column nothing can be imported... */
  auftakt_registration_dialog_set_column_field (dialog, email, AUFTAKT_IMPORT_FIELD_IGNORE);
  g_assert_false (auftakt_registration_dialog_get_can_import (dialog));
  g_assert_cmpstr (auftakt_registration_dialog_get_summary (dialog), ==,
                   "Nothing can be imported with these columns");

  /* ...and a field moved to another column leaves the first one. */
  auftakt_registration_dialog_set_column_field (dialog, 0, AUFTAKT_IMPORT_FIELD_NAME);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 1), ==,
                   AUFTAKT_IMPORT_FIELD_IGNORE);
  auftakt_registration_dialog_set_column_field (dialog, 1, AUFTAKT_IMPORT_FIELD_NAME);
  auftakt_registration_dialog_set_column_field (dialog, email, AUFTAKT_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (auftakt_registration_import_get_column_field (import, 0), ==,
                   AUFTAKT_IMPORT_FIELD_IGNORE);
  g_assert_true (auftakt_registration_dialog_get_can_import (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* 3,000 registrations, 150 of them naming a workshop that does not
 * exist: the file is read in a thread, the problem list stays short. */
static void
test_registrations_large (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *titles[] = { "Verwaltung", "Bildung", "Mobilität", "Wirtschaft",
                           "Städtische Infrastruktur" };
  g_autofree char *dir = g_dir_make_tmp ("test-dataio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Nachname;Vorname;E-Mail;Behörde;1. Wahl;2. Wahl\r\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AuftaktRegistrationDialog *dialog;
  AuftaktImportSummary summary;
  gint64 start, loaded;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Müller-%u;Anna;anna.%u@example.org;Amt %u;%s;%s\r\n",
                            i, i, i % 40, i % 20 == 0 ? "Kochkurs" : titles[i % 5],
                            titles[(i + 1) % 5]);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  dialog = auftakt_registration_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  start = g_get_monotonic_time ();
  auftakt_registration_dialog_load_file (dialog, file);
  for (guint i = 0; i < 3000 && auftakt_registration_dialog_get_loading (dialog); i++)
    ui_test_wait_ms (5);
  loaded = g_get_monotonic_time ();
  g_test_message ("3,000 registrations read and previewed in %.0f ms",
                  (loaded - start) / 1000.0);
  g_assert_false (auftakt_registration_dialog_get_loading (dialog));

  auftakt_registration_import_get_summary (auftakt_registration_dialog_get_import (dialog),
                                           &summary);
  g_assert_cmpuint (summary.added, ==, 2850);
  g_assert_cmpuint (summary.skipped, ==, 150);
  g_assert_cmpuint (auftakt_registration_import_get_n_problems (
    auftakt_registration_dialog_get_import (dialog)), ==, 150);

  /* A change of the mapping reads every row again. */
  start = g_get_monotonic_time ();
  auftakt_registration_dialog_set_column_field (dialog, 5, AUFTAKT_IMPORT_FIELD_IGNORE);
  g_test_message ("mapping changed in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  auftakt_registration_dialog_set_skip_bad_rows (dialog, TRUE);
  start = g_get_monotonic_time ();
  g_assert_true (auftakt_registration_dialog_import (dialog, &error));
  g_assert_no_error (error);
  g_test_message ("imported in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_participants (fixture), ==, 2850);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_registrations_unreadable (Fixture       *fixture,
                               gconstpointer  data)
{
  AuftaktRegistrationDialog *dialog = open_csv (fixture, "bad-unterminated-quote.csv");

  g_assert_null (auftakt_registration_dialog_get_import (dialog));
  g_assert_false (auftakt_registration_dialog_get_can_import (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!auftakt_export_actions_export_finish (AUFTAKT_WINDOW (source), result, error) &&
      *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports to @file in the window's thread and waits for the callback:
 * returns the export's error, or G_IO_ERROR_EXISTS "done" after success. */
static GError *
export_and_wait (Fixture             *fixture,
                 AuftaktExportFormat  format,
                 GFile               *file)
{
  GError *error = NULL;

  auftakt_export_actions_export_async (fixture->window, format, file, export_done_cb, &error);
  for (guint i = 0; i < 1000 && error == NULL; i++)
    ui_test_wait_ms (10);
  return error;
}

static void
export (Fixture             *fixture,
        AuftaktExportFormat  format,
        const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = export_and_wait (fixture, format, file);

  /* "done" is how the callback says it succeeded */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("test-dataio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.ics", NULL);
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
                       ? "/usr/bin/python3" : "python3";
  const char *argv[] = {
    python, "-c",
    "import sys, icalendar\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "print(len(cal.walk('VEVENT')))\n",
    path, NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  export (fixture, AUFTAKT_EXPORT_FORMAT_ICS, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The demo's plenary programme at least. */
  g_assert_cmpint (atoi (out), >, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-dir/demo.xml");
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  error = export_and_wait (fixture, AUFTAKT_EXPORT_FORMAT_FRAB, file);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));

  /* The message is shown in a dialog over the window. */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window))
      {
        g_assert_cmpstr (adw_message_dialog_get_body (l->data), ==, error->message);
        gtk_window_destroy (l->data);
        done = TRUE;
      }
  g_assert_true (done);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (auftakt_print_operation_prepare_finish (AUFTAKT_PRINT_OPERATION (source), result, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_print_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("test-dataio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "agenda.pdf", NULL);
  AuftaktDocument *document = auftakt_window_get_document (fixture->window);
  g_autoptr(AuftaktEvent) event = auftakt_export_actions_snapshot_event (document);
  g_autoptr(AuftaktPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  GtkPrintOperationResult result;
  int status;

  operation = auftakt_print_operation_new (event, AUFTAKT_PRINT_KIND_AGENDA, NULL);
  auftakt_print_operation_prepare_async (operation, NULL, prepared_cb, &error);
  for (guint i = 0; i < 1000 && error == NULL; i++)
    ui_test_wait_ms (10);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (auftakt_print_document_get_n_pages (
    auftakt_print_operation_get_document (operation)), >, 0);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "Digitale Kommune Potsdam"));

  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_toplevel (const char *key)
{
  GtkWidget *found = NULL;

  for (guint i = 0; i < 500 && found == NULL; i++)
    {
      GList *list = gtk_window_list_toplevels ();

      for (GList *l = list; l != NULL; l = l->next)
        if (g_object_get_data (l->data, key) != NULL && gtk_widget_get_visible (l->data))
          found = l->data;
      g_list_free (list);
      if (found == NULL)
        ui_test_wait_ms (10);
    }
  return found;
}

static void
test_print_preview (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *preview;

  /* (This sequence once ended in GLib's "corrupted double-linked list
   * detected" now and then: the layout thread shared GTK's font map; see
   * /print/threads.) */
  dialog = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  auftakt_print_dialog_set_kind (dialog, AUFTAKT_PRINT_KIND_AGENDA);
  auftakt_print_dialog_start (dialog, TRUE);
  preview = find_toplevel ("auftakt-print-preview");
  g_assert_nonnull (preview);
  /* The print dialog made way for the preview. */
  g_assert_null (find_toplevel ("auftakt-print-dialog"));
  g_assert_cmpuint (auftakt_print_preview_get_page (preview), ==, 0);
  g_assert_true (gtk_widget_get_mapped (preview));
  gtk_window_destroy (GTK_WINDOW (preview));

  /* Closed while it lays out: nothing follows. */
  dialog = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  auftakt_print_dialog_set_kind (dialog, AUFTAKT_PRINT_KIND_AGENDA);
  auftakt_print_dialog_start (dialog, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_wait_ms (500);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    g_assert_false (g_object_get_data (l->data, "auftakt-print-preview") != NULL &&
                    gtk_widget_get_visible (l->data));

  /* GTK's print dialog's Preview shows the same preview (not evince). */
  dialog = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  auftakt_print_dialog_set_kind (dialog, AUFTAKT_PRINT_KIND_AGENDA);
  auftakt_print_dialog_start (dialog, FALSE);
  {
    GtkWidget *gtk_dialog = NULL;

    for (guint i = 0; i < 500 && gtk_dialog == NULL; i++)
      {
        GList *list = gtk_window_list_toplevels ();

        for (GList *l = list; l != NULL; l = l->next)
          if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, g_type_from_name ("GtkPrintUnixDialog")) &&
              gtk_widget_get_mapped (l->data))
            gtk_dialog = l->data;
        g_list_free (list);
        ui_test_wait_ms (10);
      }
    g_assert_nonnull (gtk_dialog);
    ui_test_wait_ms (200);
    gtk_dialog_response (GTK_DIALOG (gtk_dialog), GTK_RESPONSE_APPLY);
  }
  preview = find_toplevel ("auftakt-print-preview");
  g_assert_nonnull (preview);
  gtk_window_destroy (GTK_WINDOW (preview));
  ui_test_wait_ms (100);
}

static GMenuModel *
find_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *menu = find_menu (child);

      if (menu != NULL)
        return menu;
    }
  return NULL;
}

static void
collect_actions (GMenuModel *menu,
                 GHashTable *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_hash_table_add (actions, g_steal_pointer (&action));
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_actions (link, actions);
        }
    }
}

static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  const char *expected[] = {
    "win.import-registrations", "win.print", "win.export", "win.export-schedule",
    "win.export-ics", "win.export-frab", "win.export-csv", "win.export-csv-excel",
  };
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GMenuModel *menu = find_menu (GTK_WIDGET (fixture->window));

  g_assert_nonnull (menu);
  collect_actions (menu, actions);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (actions, expected[i]));
}

static void
test_print_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  /* From the overview no participant is selected: all are printed. */
  dialog = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  auftakt_print_dialog_set_kind (dialog, AUFTAKT_PRINT_KIND_PARTICIPANTS);
  g_assert_null (auftakt_print_dialog_get_participant (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* From the participants with one selected: that one's schedule alone,
   * or everyone's when the organiser switches it off. */
  auftakt_window_set_section (fixture->window, "participants");
  ui_test_wait_ms (200);
  {
    GtkWidget *page = auftakt_window_get_page (fixture->window, "participants");
    GtkSelectionModel *model = gtk_column_view_get_model (
      auftakt_table_page_get_column_view (AUFTAKT_TABLE_PAGE (page)));
    g_autoptr(AuftaktParticipant) first = NULL;

    /* The table fills in batches. */
    for (guint i = 0; i < 500 && g_list_model_get_n_items (G_LIST_MODEL (model)) < 2; i++)
      ui_test_wait_ms (10);
    first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_true (AUFTAKT_IS_PARTICIPANT (first));
    gtk_selection_model_select_item (model, 0, TRUE);
    dialog = auftakt_print_dialog_new (fixture->window);
    gtk_window_present (GTK_WINDOW (dialog));
    g_assert_cmpstr (auftakt_print_dialog_get_participant (dialog), ==,
                     auftakt_participant_get_id (first));
    auftakt_print_dialog_set_kind (dialog, AUFTAKT_PRINT_KIND_ROOMS);
    g_assert_null (auftakt_print_dialog_get_participant (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* Two selected: no single participant. */
    gtk_selection_model_select_item (model, 1, FALSE);
    dialog = auftakt_print_dialog_new (fixture->window);
    g_assert_null (auftakt_print_dialog_get_participant (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  ui_test_wait_ms (50);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (g_object_get_data (l->data, "auftakt-print-dialog") != NULL)
      {
        g_assert_cmpstr (gtk_window_get_title (l->data), ==, "Print");
        gtk_window_destroy (l->data);
      }
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AUFTAKT_SCREENSHOT_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;

  ui_test_wait_ms (300);
  g_assert_true (ui_test_save_png (widget, path, &error));
  g_assert_no_error (error);
  g_print ("%s\n", path);
}

/* Not a test: with AUFTAKT_SCREENSHOT_DIR set, renders the dialogs into
 * PNGs there to look at (in the user's language). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AuftaktRegistrationDialog *dialog;
  GtkWidget *print;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-dir/demo.xml");
  g_autoptr(GError) error = NULL;

  if (g_getenv ("AUFTAKT_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("AUFTAKT_SCREENSHOT_DIR is not set");
      return;
    }

  dialog = open_csv_sized (fixture, "bad-unknown-workshop.csv", 1000);
  save_shot (GTK_WIDGET (dialog), "registrations-problems.png");
  auftakt_registration_dialog_set_skip_bad_rows (dialog, TRUE);
  save_shot (GTK_WIDGET (dialog), "registrations-skip.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_csv_sized (fixture, "excel-de-cp1252.csv", 1000);
  save_shot (GTK_WIDGET (dialog), "registrations-excel.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_csv (fixture, "bad-unterminated-quote.csv");
  save_shot (GTK_WIDGET (dialog), "registrations-unreadable.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  auftakt_window_set_section (fixture->window, "participants");
  ui_test_wait_ms (300);
  {
    GtkWidget *page = auftakt_window_get_page (fixture->window, "participants");
    GtkColumnView *view = auftakt_table_page_get_column_view (AUFTAKT_TABLE_PAGE (page));

    gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  }
  print = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (print));
  save_shot (print, "print.png");
  auftakt_print_dialog_set_kind (print, AUFTAKT_PRINT_KIND_AGENDA);
  auftakt_print_dialog_start (print, TRUE);
  print = find_toplevel ("auftakt-print-preview");
  save_shot (print, "print-preview.png");
  gtk_window_destroy (GTK_WINDOW (print));

  print = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (print));
  auftakt_print_dialog_set_kind (print, AUFTAKT_PRINT_KIND_AGENDA);
  auftakt_print_dialog_start (print, FALSE);
  ui_test_wait_ms (1500);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, g_type_from_name ("GtkPrintUnixDialog")))
      {
        save_shot (l->data, "print-gtk.png");
        gtk_dialog_response (l->data, GTK_RESPONSE_CANCEL);
      }
  ui_test_wait_ms (200);

  print = auftakt_print_dialog_new (fixture->window);
  gtk_window_present (GTK_WINDOW (print));
  auftakt_print_dialog_set_kind (print, AUFTAKT_PRINT_KIND_ATTENDANCE);
  auftakt_print_dialog_start (print, TRUE);
  ui_test_wait_ms (500);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        save_shot (l->data, "print-failure.png");
        gtk_window_destroy (l->data);
      }
  gtk_window_destroy (GTK_WINDOW (print));

  error = export_and_wait (fixture, AUFTAKT_EXPORT_FORMAT_FRAB, file);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        save_shot (l->data, "export-failure.png");
        gtk_window_destroy (l->data);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("test-dataio-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Screenshots in the user's language (see test_screenshots). */
  if (ui_test_init (&argc, &argv, g_getenv ("AUFTAKT_SCREENSHOT_DIR") != NULL) == NULL)
    return g_test_run ();

  ui_test_add ("/ui/registrations/skip", "demo", test_registrations_skip);
  ui_test_add ("/ui/registrations/mapping", "demo", test_registrations_mapping);
  ui_test_add ("/ui/registrations/large", "demo", test_registrations_large);
  ui_test_add ("/ui/registrations/unreadable", "demo", test_registrations_unreadable);
  ui_test_add ("/ui/export/ics", "demo", test_export_ics);
  ui_test_add ("/ui/export/failure", "demo", test_export_failure);
  ui_test_add ("/ui/print/pdf", "demo", test_print_pdf);
  ui_test_add ("/ui/print/dialog", "demo", test_print_dialog);
  ui_test_add ("/ui/print/preview", "demo", test_print_preview);
  ui_test_add ("/ui/menu", "demo", test_menu);
  ui_test_add ("/ui/screenshots", "demo", test_screenshots);

  return g_test_run ();
}
