/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-registration-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-registration-dialog.h"
#include "auftakt-export-actions.h"

/* Rows of the preview and of the problem list: enough to see what the
 * file holds without building thousands of widgets. */
#define PREVIEW_ROWS 5
#define MAX_PROBLEM_ROWS 100
/* Characters of a column's sample values in its row's subtitle. */
#define SAMPLE_LENGTH 60

struct _AuftaktRegistrationDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwPreferencesGroup  *summary_group;
  AdwActionRow         *summary_row;
  AdwActionRow         *skip_row;
  GtkSwitch            *skip_switch;
  AdwPreferencesGroup  *problems_group;
  AdwPreferencesGroup  *columns_group;
  GtkGrid              *preview_grid;

  AuftaktWindow             *window;  /* weak */
  AuftaktEvent              *event;   /* a snapshot the import changes */
  AuftaktRegistrationImport *import;
  GCancellable              *cancellable;
  GPtrArray                 *column_rows;   /* of AdwComboRow */
  GPtrArray                 *problem_rows;  /* widgets added to problems_group */
  char                      *summary;
  gboolean                   prepared;
  gboolean                   loading;
  gboolean                   updating;
};

G_DEFINE_FINAL_TYPE (AuftaktRegistrationDialog, auftakt_registration_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
separator_label (char separator)
{
  switch (separator)
    {
    case ';':
      return _("Semicolon");
    case ',':
      return _("Comma");
    case '\t':
      return _("Tab");
    case '|':
      return _("Vertical bar");
    default:
      return "?";
    }
}

static void
set_loading (AuftaktRegistrationDialog *self,
             gboolean                   loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static char *
column_samples (AuftaktCsv *csv,
                guint       column)
{
  GString *text = g_string_new (NULL);
  guint n = auftakt_csv_get_n_records (csv);

  for (guint record = 1; record < n && text->len < SAMPLE_LENGTH; record++)
    {
      const char *field = auftakt_csv_get_field (csv, record, column);
      g_autofree char *flat = NULL;

      if (field == NULL || *field == '\0')
        continue;
      flat = g_strdelimit (g_strdup (field), "\n", ' ');
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, flat);
    }
  if (g_utf8_strlen (text->str, -1) > SAMPLE_LENGTH)
    {
      g_autofree char *head = g_utf8_substring (text->str, 0, SAMPLE_LENGTH);

      g_string_assign (text, head);
      g_string_append (text, "…");
    }
  return g_string_free (text, FALSE);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static const char *
status_label (AuftaktImportRowStatus status)
{
  switch (status)
    {
    case AUFTAKT_IMPORT_ROW_NEW:
      return C_("registration", "New");
    case AUFTAKT_IMPORT_ROW_CHANGED:
      return C_("registration", "Changed");
    case AUFTAKT_IMPORT_ROW_UNCHANGED:
      return C_("registration", "Unchanged");
    case AUFTAKT_IMPORT_ROW_BAD:
      return C_("registration", "Has problems");
    default:
      return "";
    }
}

static char *
choice_titles (AuftaktEvent       *event,
               const char * const *choices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      AuftaktWorkshop *workshop = auftakt_event_find_workshop (event, choices[i]);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, workshop != NULL && auftakt_workshop_get_title (workshop) != NULL
                             ? auftakt_workshop_get_title (workshop) : choices[i]);
    }
  return g_string_free (text, FALSE);
}

static void
update_preview (AuftaktRegistrationDialog *self)
{
  const char *headings[] = {
    C_("column", "Line"), C_("column", "Name"), C_("column", "Organisation"),
    C_("column", "Email"), C_("column", "Choices"), C_("column", "Status"),
  };
  guint n = MIN (auftakt_registration_import_get_n_rows (self->import), PREVIEW_ROWS);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean used[G_N_ELEMENTS (headings)] = { TRUE, FALSE, FALSE, FALSE, FALSE, TRUE };
  int column = 0;

  for (guint i = 0; i < n; i++)
    {
      const AuftaktImportRow *row = auftakt_registration_import_get_row (self->import, i);

      g_ptr_array_add (cells, g_strdup_printf ("%u", row->line));
      g_ptr_array_add (cells, g_strdup (row->name ? row->name : ""));
      g_ptr_array_add (cells, g_strdup (row->organisation ? row->organisation : ""));
      g_ptr_array_add (cells, g_strdup (row->email ? row->email : ""));
      g_ptr_array_add (cells, choice_titles (self->event, (const char * const *) row->choices));
      g_ptr_array_add (cells, g_strdup (status_label (row->status)));
    }
  /* Columns no row fills only take room from the others. */
  for (guint i = 0; i < cells->len; i++)
    if (*(char *) g_ptr_array_index (cells, i) != '\0')
      used[i % G_N_ELEMENTS (headings)] = TRUE;

  clear_grid (self->preview_grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      if (!used[c])
        continue;
      attach_label (self->preview_grid, headings[c], column, 0, TRUE);
      for (guint i = 0; i < n; i++)
        attach_label (self->preview_grid,
                      g_ptr_array_index (cells, i * G_N_ELEMENTS (headings) + c),
                      column, i + 1, FALSE);
      column++;
    }
}

static void
add_problem_row (AuftaktRegistrationDialog *self,
                 const char                *title,
                 const char                *message)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->problems_group, row);
  g_ptr_array_add (self->problem_rows, row);
}

static void
update_problems (AuftaktRegistrationDialog *self,
                 const GError              *error)
{
  guint n = self->prepared ? auftakt_registration_import_get_n_problems (self->import) : 0;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  if (error != NULL)
    {
      adw_preferences_group_set_title (self->problems_group, _("Problems"));
      add_problem_row (self, _("The columns do not fit"), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);
  adw_preferences_group_set_title (self->problems_group, title);
  for (guint i = 0; i < MIN (n, MAX_PROBLEM_ROWS); i++)
    {
      const AuftaktImportProblem *problem =
        auftakt_registration_import_get_problem (self->import, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

      add_problem_row (self, line, problem->message);
    }
  if (n > MAX_PROBLEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more problem",
                                                            "And %u more problems",
                                                            n - MAX_PROBLEM_ROWS),
                                               n - MAX_PROBLEM_ROWS);

      add_problem_row (self, more, _("Correct the file, or skip the rows with problems"));
    }
}

static void
update_summary (AuftaktRegistrationDialog *self)
{
  AuftaktImportSummary summary = { 0 };
  guint n_problems = 0;
  g_autofree char *csv_name = NULL;
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->summary, g_free);
  if (self->prepared)
    {
      auftakt_registration_import_get_summary (self->import, &summary);
      n_problems = auftakt_registration_import_get_n_problems (self->import);
      /* Translators: what importing registrations will do to the participants */
      self->summary = g_strdup_printf (_("%u added, %u changed, %u removed, %u unchanged, "
                                         "%u skipped"),
                                       summary.added, summary.changed, summary.removed,
                                       summary.unchanged, summary.skipped);
    }
  else
    self->summary = g_strdup (_("Nothing can be imported with these columns"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
  if (self->prepared && n_problems > 0 && !gtk_switch_get_active (self->skip_switch))
    adw_action_row_set_subtitle (self->summary_row,
                                 _("Nothing will be imported while rows have problems"));
  else if (self->prepared && summary.removed > 0)
    adw_action_row_set_subtitle (self->summary_row,
                                 _("Participants not in the file are removed with their "
                                   "places in the schedule"));
  else
    adw_action_row_set_subtitle (self->summary_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_row), n_problems > 0);

  csv_name = g_path_get_basename (
    auftakt_csv_get_display_name (auftakt_registration_import_get_csv (self->import)));
  /* Translators: the file's name, its encoding and its separator */
  subtitle = g_strdup_printf (_("%s · %s · %s"), csv_name,
                              auftakt_csv_encoding_get_label (
                                auftakt_csv_get_encoding (
                                  auftakt_registration_import_get_csv (self->import))),
                              separator_label (auftakt_csv_get_separator (
                                auftakt_registration_import_get_csv (self->import))));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_sensitive (self->import_button,
                            auftakt_registration_dialog_get_can_import (self));
}

static void
refresh (AuftaktRegistrationDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->prepared = auftakt_registration_import_prepare (self->import, &error);
  update_problems (self, error);
  if (self->prepared)
    update_preview (self);
  else
    clear_grid (self->preview_grid);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (
                            GTK_WIDGET (self->preview_grid))),
                          self->prepared);
  update_summary (self);
}

static void
sync_column_rows (AuftaktRegistrationDialog *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, i),
                                auftakt_registration_import_get_column_field (self->import, i));
  self->updating = FALSE;
}

static void
column_field_changed_cb (AdwComboRow               *row,
                         GParamSpec                *pspec,
                         AuftaktRegistrationDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  auftakt_registration_import_set_column_field (self->import, column,
                                                (AuftaktImportField) selected);
  /* A field belongs to one column: the one that had it is ignored now. */
  sync_column_rows (self);
  refresh (self);
}

static void
build_column_rows (AuftaktRegistrationDialog *self)
{
  AuftaktCsv *csv = auftakt_registration_import_get_csv (self->import);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n = auftakt_registration_import_get_n_columns (self->import);

  for (guint f = 0; f <= AUFTAKT_IMPORT_FIELD_LAST; f++)
    gtk_string_list_append (fields, auftakt_import_field_get_label (f));

  adw_preferences_group_set_description (self->columns_group,
                                         _("Choose what each column of the file holds. "
                                           "Columns set to “Ignore” are not imported."));
  for (guint i = 0; i < n; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *title = auftakt_registration_import_get_column_title (self->import, i);
      g_autofree char *samples = column_samples (csv, i);
      g_autofree char *fallback = NULL;

      if (title == NULL || *title == '\0')
        title = fallback = g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, auftakt_registration_import_get_column_field (self->import,
                                                                                     i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_field_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  AuftaktCsv *csv;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local files can be imported"));
      return;
    }
  csv = auftakt_csv_new_from_file (path, &error);
  if (csv == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, csv, g_object_unref);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AuftaktRegistrationDialog) self = user_data;
  g_autoptr(AuftaktCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  csv = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (csv == NULL || self->event == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_loading (self, FALSE);
      return;
    }

  self->import = auftakt_registration_import_new (csv, self->event);
  build_column_rows (self);
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  auftakt_window_name_controls (GTK_WIDGET (self));
  set_loading (self, FALSE);
}

static gboolean
values_equal (GObject    *a,
              GObject    *b,
              GParamSpec *pspec)
{
  g_auto(GValue) x = G_VALUE_INIT;
  g_auto(GValue) y = G_VALUE_INIT;

  g_value_init (&x, pspec->value_type);
  g_value_init (&y, pspec->value_type);
  g_object_get_property (a, pspec->name, &x);
  g_object_get_property (b, pspec->name, &y);

  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *s = g_value_get_boxed (&x);
      const char * const *t = g_value_get_boxed (&y);

      if (s == NULL || t == NULL)
        return s == t || g_strv_length ((char **) (s ? s : t)) == 0;
      return g_strv_equal (s, t);
    }
  return g_param_values_cmp (pspec, &x, &y) == 0;
}

static gboolean
items_equal (GObject *a,
             GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    if ((pspecs[i]->flags & G_PARAM_READABLE) && !values_equal (a, b, pspecs[i]))
      return FALSE;
  return TRUE;
}

/* Writes the difference between the document's participants and those of
 * the snapshot the import changed — removals (with their attendances),
 * additions and changes — as one edit, which one undo takes back. */
static gboolean
commit_to_document (AuftaktRegistrationDialog  *self,
                    AuftaktDocument            *document,
                    GError                    **error)
{
  GListModel *before = G_LIST_MODEL (auftakt_document_get_list (document,
                                                                AUFTAKT_TYPE_PARTICIPANT));
  GListModel *after = G_LIST_MODEL (auftakt_event_get_participants (self->event));
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                     g_object_unref);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) removed = g_strv_builder_new ();
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) removed_ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      AuftaktParticipant *p = g_list_model_get_item (before, i);

      g_hash_table_insert (old, (gpointer) auftakt_participant_get_id (p), p);
    }

  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (after, i);
      GObject *was = g_hash_table_lookup (old, auftakt_participant_get_id (p));

      g_hash_table_add (kept, (gpointer) auftakt_participant_get_id (p));
      if (was == NULL || !items_equal (was, G_OBJECT (p)))
        g_ptr_array_add (saved, auftakt_document_copy_item (G_OBJECT (p)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (before, i);

      if (!g_hash_table_contains (kept, auftakt_participant_get_id (p)))
        g_strv_builder_add (removed, auftakt_participant_get_id (p));
    }
  removed_ids = g_strv_builder_end (removed);

  return auftakt_document_delete_and_save_items (document, AUFTAKT_TYPE_PARTICIPANT,
                                                 (const char * const *) removed_ids, saved,
                                                 _("Import Registrations"), error);
}

static void
cancel_clicked_cb (AuftaktRegistrationDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_error (AuftaktRegistrationDialog *self,
            const GError              *error)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self),
                                               _("Could not import the registrations"),
                                               error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
import_clicked_cb (AuftaktRegistrationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!auftakt_registration_dialog_import (self, &error))
    show_error (self, error);
}

static void
skip_changed_cb (AuftaktRegistrationDialog *self)
{
  if (self->import != NULL)
    update_summary (self);
}

static void
auftakt_registration_dialog_dispose (GObject *object)
{
  AuftaktRegistrationDialog *self = AUFTAKT_REGISTRATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_REGISTRATION_DIALOG);

  G_OBJECT_CLASS (auftakt_registration_dialog_parent_class)->dispose (object);
}

static void
auftakt_registration_dialog_finalize (GObject *object)
{
  AuftaktRegistrationDialog *self = AUFTAKT_REGISTRATION_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->event);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (auftakt_registration_dialog_parent_class)->finalize (object);
}

static void
auftakt_registration_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AuftaktRegistrationDialog *self = AUFTAKT_REGISTRATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_registration_dialog_class_init (AuftaktRegistrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = auftakt_registration_dialog_dispose;
  object_class->finalize = auftakt_registration_dialog_finalize;
  object_class->get_property = auftakt_registration_dialog_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/auftakt/Auftakt/ui/auftakt-registration-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, skip_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktRegistrationDialog, preview_grid);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
auftakt_registration_dialog_init (AuftaktRegistrationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->column_rows = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
}

AuftaktRegistrationDialog *
auftakt_registration_dialog_new (AuftaktWindow *window)
{
  AuftaktRegistrationDialog *self;
  AuftaktDocument *document = auftakt_window_get_document (window);

  self = g_object_new (AUFTAKT_TYPE_REGISTRATION_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  if (document != NULL)
    self->event = auftakt_export_actions_snapshot_event (document);
  return self;
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  AuftaktWindow *window = user_data;

  if (response == GTK_RESPONSE_ACCEPT && auftakt_window_get_document (window) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      AuftaktRegistrationDialog *self = auftakt_registration_dialog_new (window);

      auftakt_registration_dialog_load_file (self, file);
      gtk_window_present (GTK_WINDOW (self));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
auftakt_registration_dialog_choose_file (AuftaktWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Registrations"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Registrations (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
auftakt_registration_dialog_load_file (AuftaktRegistrationDialog *self,
                                       GFile                     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  g_return_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self));
  g_return_if_fail (self->import == NULL && !self->loading);

  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);

  /* The dialog is no source object of the task: the worker may drop the
   * last reference to its task once the callback has run, and a widget
   * must not be finalized in that thread. */
  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, auftakt_registration_dialog_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

gboolean
auftakt_registration_dialog_get_loading (AuftaktRegistrationDialog *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self), FALSE);

  return self->loading;
}

AuftaktRegistrationImport *
auftakt_registration_dialog_get_import (AuftaktRegistrationDialog *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self), NULL);

  return self->import;
}

const char *
auftakt_registration_dialog_get_summary (AuftaktRegistrationDialog *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self), NULL);

  return self->summary;
}

void
auftakt_registration_dialog_set_column_field (AuftaktRegistrationDialog *self,
                                              guint                      column,
                                              AuftaktImportField         field)
{
  g_return_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

void
auftakt_registration_dialog_set_skip_bad_rows (AuftaktRegistrationDialog *self,
                                               gboolean                   skip)
{
  g_return_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self));

  gtk_switch_set_active (self->skip_switch, skip);
}

gboolean
auftakt_registration_dialog_get_can_import (AuftaktRegistrationDialog *self)
{
  AuftaktImportSummary summary;

  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self), FALSE);

  if (self->import == NULL || !self->prepared || self->window == NULL)
    return FALSE;
  if (auftakt_registration_import_get_n_problems (self->import) > 0 &&
      !gtk_switch_get_active (self->skip_switch))
    return FALSE;
  auftakt_registration_import_get_summary (self->import, &summary);
  return summary.added + summary.changed + summary.removed > 0;
}

gboolean
auftakt_registration_dialog_import (AuftaktRegistrationDialog  *self,
                                    GError                    **error)
{
  AuftaktDocument *document;
  AuftaktImportSummary summary;
  g_autofree char *message = NULL;

  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_DIALOG (self), FALSE);
  g_return_val_if_fail (auftakt_registration_dialog_get_can_import (self), FALSE);

  document = auftakt_window_get_document (self->window);
  g_return_val_if_fail (document != NULL, FALSE);

  auftakt_registration_import_get_summary (self->import, &summary);
  if (!auftakt_registration_import_apply (self->import, gtk_switch_get_active (self->skip_switch),
                                          error))
    return FALSE;
  if (!commit_to_document (self, document, error))
    return FALSE;

  message = g_strdup_printf (_("Registrations imported: %s"), self->summary);
  auftakt_window_add_toast (self->window, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
