/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-export-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-export-actions.h"
#include "auftakt-export-csv.h"
#include "auftakt-export-frab.h"
#include "auftakt-export-ics.h"
#include "auftakt-print-operation.h"
#include "auftakt-registration-dialog.h"

typedef struct {
  AuftaktExportFormat  format;
  const char          *action;
  const char          *title;      /* of the file chooser */
  const char          *suffix;
  const char          *filter;
  const char          *mime_type;
} ExportFormat;

static const ExportFormat formats[] = {
  { AUFTAKT_EXPORT_FORMAT_ICS, "win.export-ics", N_("Export Calendar"), ".ics",
    N_("iCalendar Files"), "text/calendar" },
  { AUFTAKT_EXPORT_FORMAT_FRAB, "win.export-frab", N_("Export Conference Schedule"),
    "-schedule.xml", N_("frab Schedule Files (XML)"), "application/xml" },
  { AUFTAKT_EXPORT_FORMAT_CSV, "win.export-csv", N_("Export Assignments"), ".csv",
    N_("CSV Files"), "text/csv" },
  { AUFTAKT_EXPORT_FORMAT_CSV_EXCEL, "win.export-csv-excel", N_("Export Assignments for Excel"),
    "-excel.csv", N_("CSV Files"), "text/csv" },
};

typedef struct {
  AuftaktEvent        *event;
  AuftaktExportFormat  format;
  char                *path;
  char                *basename;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->event);
  g_free (export->path);
  g_free (export->basename);
  g_free (export);
}

static const ExportFormat *
find_format (const char *action_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].action, action_name))
      return &formats[i];
  g_return_val_if_reached (NULL);
}

static void
copy_list (GListStore *from,
           GListStore *to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));
  g_autoptr(GPtrArray) copies = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);

      g_ptr_array_add (copies, auftakt_document_copy_item (item));
    }
  g_list_store_splice (to, 0, g_list_model_get_n_items (G_LIST_MODEL (to)),
                       copies->pdata, copies->len);
}

static void
show_failure (AuftaktWindow *window,
              const char    *heading,
              const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (export->format)
    {
    case AUFTAKT_EXPORT_FORMAT_ICS:
      ok = auftakt_export_ics (export->event, NULL, export->path, &error);
      break;
    case AUFTAKT_EXPORT_FORMAT_FRAB:
      ok = auftakt_export_frab (export->event, export->path, &error);
      break;
    case AUFTAKT_EXPORT_FORMAT_CSV:
      ok = auftakt_export_csv (export->event, AUFTAKT_CSV_FLAVOUR_PLAIN, export->path, &error);
      break;
    case AUFTAKT_EXPORT_FORMAT_CSV_EXCEL:
      ok = auftakt_export_csv (export->event, AUFTAKT_CSV_FLAVOUR_EXCEL, export->path, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AuftaktWindow *window = AUFTAKT_WINDOW (g_task_get_source_object (outer));
  GTask *task = G_TASK (result);
  ExportData *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not export to “%s”"),
                                                  export->basename);

      show_failure (window, heading, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), export->basename);

      auftakt_window_add_toast (window, adw_toast_new (message));
    }
  g_task_return_boolean (outer, TRUE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  AuftaktWindow *window = user_data;
  AuftaktExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT && auftakt_window_get_document (window) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      auftakt_export_actions_export_async (window, format, file, NULL, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AuftaktWindow *window = AUFTAKT_WINDOW (widget);
  AuftaktDocument *document = auftakt_window_get_document (window);
  const ExportFormat *format = find_format (action_name);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  const char *id;

  if (document == NULL || format == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_(format->title), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _(format->filter));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  gtk_file_filter_add_suffix (filter, strrchr (format->suffix, '.') + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  id = auftakt_event_get_id (auftakt_document_get_event (document));
  name = g_strconcat (id != NULL ? id : "event", format->suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format->format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_registrations_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AuftaktWindow *window = AUFTAKT_WINDOW (widget);

  if (auftakt_window_get_document (window) == NULL)
    return;
  auftakt_registration_dialog_choose_file (window);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AuftaktWindow *window = AUFTAKT_WINDOW (widget);

  if (auftakt_window_get_document (window) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (auftakt_print_dialog_new (window)));
}

void
auftakt_export_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-registrations", NULL,
                                   import_registrations_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_widget_class_install_action (widget_class, formats[i].action, NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-registrations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-registrations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-ics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-ics", NULL);
}

void
auftakt_export_actions_update (AuftaktWindow *window)
{
  AuftaktDocument *document = auftakt_window_get_document (window);
  gboolean open = document != NULL;
  gboolean scheduled = open && auftakt_event_get_schedule (
    auftakt_document_get_event (document)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.import-registrations", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print", open);
  /* The agenda prints without a schedule; the calendar and the frab
   * schedule hold the plenary programme too. */
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-ics", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-frab", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-csv", scheduled);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-csv-excel", scheduled);
}

AuftaktEvent *
auftakt_export_actions_snapshot_event (AuftaktDocument *document)
{
  AuftaktEvent *event = auftakt_document_get_event (document);
  AuftaktEvent *copy = auftakt_event_new (auftakt_event_get_id (event));
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);

  auftakt_event_set_title (copy, auftakt_event_get_title (event));
  auftakt_event_set_date (copy, auftakt_event_get_date (event));
  auftakt_event_set_venue (copy, auftakt_event_get_venue (event));
  auftakt_event_set_description (copy, auftakt_event_get_description (event));
  auftakt_event_set_workshops_per_participant (copy,
                                               auftakt_event_get_workshops_per_participant (event));
  auftakt_event_set_unranked_cost (copy, auftakt_event_get_unranked_cost (event));
  copy_list (auftakt_event_get_rounds (event), auftakt_event_get_rounds (copy));
  copy_list (auftakt_event_get_rooms (event), auftakt_event_get_rooms (copy));
  copy_list (auftakt_event_get_clusters (event), auftakt_event_get_clusters (copy));
  copy_list (auftakt_event_get_referees (event), auftakt_event_get_referees (copy));
  copy_list (auftakt_event_get_workshops (event), auftakt_event_get_workshops (copy));
  copy_list (auftakt_event_get_participants (event), auftakt_event_get_participants (copy));
  copy_list (auftakt_event_get_agenda (event), auftakt_event_get_agenda (copy));
  if (schedule != NULL)
    {
      g_autoptr(AuftaktSchedule) schedule_copy = auftakt_document_copy_schedule (schedule);

      auftakt_event_set_schedule (copy, schedule_copy);
    }
  return copy;
}

void
auftakt_export_actions_export_async (AuftaktWindow        *window,
                                     AuftaktExportFormat   format,
                                     GFile                *file,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  AuftaktDocument *document = auftakt_window_get_document (window);
  g_autoptr(GTask) outer = g_task_new (window, NULL, callback, user_data);
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_task_set_source_tag (outer, auftakt_export_actions_export_async);
  g_return_if_fail (document != NULL);

  export = g_new0 (ExportData, 1);
  export->event = auftakt_export_actions_snapshot_event (document);
  export->format = format;
  export->path = g_file_get_path (file);
  export->basename = g_file_get_basename (file);

  /* Not the window: the worker may drop the last reference to its task,
   * and with it to the task's object, once the callback has run. */
  task = g_task_new (NULL, NULL, export_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
auftakt_export_actions_export_finish (AuftaktWindow  *window,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
