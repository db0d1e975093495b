/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-print-operation.h"
#include "auftakt-export-actions.h"
#include "auftakt-table-page.h"

struct _AuftaktPrintOperation
{
  GtkPrintOperation parent_instance;

  AuftaktPrintDocument *document;
  double                width;   /* as last laid out; 0: not yet */
  double                height;
  GError               *error;   /* of begin-print */
};

G_DEFINE_FINAL_TYPE (AuftaktPrintOperation, auftakt_print_operation, GTK_TYPE_PRINT_OPERATION)

typedef struct {
  double width;
  double height;
} PrepareData;

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AuftaktPrintDocument *document = source_object;
  GError *error = NULL;

  if (auftakt_print_document_paginate (document, AUFTAKT_PRINT_A4_WIDTH,
                                       AUFTAKT_PRINT_A4_HEIGHT, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
paginated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
auftakt_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  AuftaktPrintOperation *self = AUFTAKT_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  /* GTK's units are points with use-full-page and GTK_UNIT_POINTS. */
  if (self->width == 0 || ABS (width - self->width) > 0.5 || ABS (height - self->height) > 0.5)
    {
      g_clear_error (&self->error);
      if (!auftakt_print_document_paginate (self->document, width, height, NULL, &self->error))
        {
          gtk_print_operation_cancel (operation);
          return;
        }
      self->width = width;
      self->height = height;
    }

  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, auftakt_print_document_get_n_pages (self->document)));
}

static void
auftakt_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page)
{
  AuftaktPrintOperation *self = AUFTAKT_PRINT_OPERATION (operation);

  if ((guint) page < auftakt_print_document_get_n_pages (self->document))
    auftakt_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context),
                                      page);
}

/* GTK's own preview runs an external previewer (evince), which a machine
 * may not have: its Preview button shows ours instead. */
static gboolean
auftakt_print_operation_preview (GtkPrintOperation        *operation,
                                 GtkPrintOperationPreview *preview,
                                 GtkPrintContext          *context,
                                 GtkWindow                *parent)
{
  AuftaktPrintOperation *self = AUFTAKT_PRINT_OPERATION (operation);
  g_autoptr(AuftaktPrintOperation) copy = g_object_new (AUFTAKT_TYPE_PRINT_OPERATION, NULL);
  GtkWidget *window;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* This operation ends here; Print in the preview starts a new one. */
  copy->document = g_object_ref (self->document);
  copy->width = self->width;
  copy->height = self->height;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (copy), g_object_get_data (
    G_OBJECT (self), "auftakt-job-name"));
  /* GTK insists on a cairo context before it lays out; ours draws its own. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  window = auftakt_print_preview_new (parent, copy);
  /* GTK's operation ends with our preview. */
  g_signal_connect_object (window, "destroy",
                           G_CALLBACK (gtk_print_operation_preview_end_preview), preview,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
auftakt_print_operation_finalize (GObject *object)
{
  AuftaktPrintOperation *self = AUFTAKT_PRINT_OPERATION (object);

  g_clear_object (&self->document);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (auftakt_print_operation_parent_class)->finalize (object);
}

static void
auftakt_print_operation_class_init (AuftaktPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = auftakt_print_operation_finalize;
  operation_class->begin_print = auftakt_print_operation_begin_print;
  operation_class->draw_page = auftakt_print_operation_draw_page;
  operation_class->preview = auftakt_print_operation_preview;
}

static void
auftakt_print_operation_init (AuftaktPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

AuftaktPrintOperation *
auftakt_print_operation_new (AuftaktEvent     *event,
                             AuftaktPrintKind  kind,
                             const char       *participant_id)
{
  AuftaktPrintOperation *self = g_object_new (AUFTAKT_TYPE_PRINT_OPERATION, NULL);
  const char *title = auftakt_event_get_title (event);

  self->document = auftakt_print_document_new (event, kind);
  if (participant_id != NULL && kind == AUFTAKT_PRINT_KIND_PARTICIPANTS)
    auftakt_print_document_set_participant (self->document, participant_id);
  g_object_set_data_full (G_OBJECT (self), "auftakt-job-name",
                          g_strdup (title != NULL ? title : _("Auftakt")), g_free);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL ? title : _("Auftakt"));
  return self;
}

AuftaktPrintDocument *
auftakt_print_operation_get_document (AuftaktPrintOperation *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/* The error of the last begin-print, which GTK cannot report itself. */
static const GError *
get_begin_error (AuftaktPrintOperation *self)
{
  return self->error;
}

void
auftakt_print_operation_prepare_async (AuftaktPrintOperation *self,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) thread_task = NULL;

  g_task_set_source_tag (task, auftakt_print_operation_prepare_async);
  self->width = 0;
  /* The worker's task holds the document only: the worker may drop the
   * last reference to its task after the callback has run, and the
   * operation, a GTK object, must not be finalized in that thread. */
  thread_task = g_task_new (self->document, cancellable, paginated_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, prepare_thread);
  g_task_run_in_thread (thread_task, prepare_thread);
}

gboolean
auftakt_print_operation_prepare_finish (AuftaktPrintOperation  *self,
                                        GAsyncResult           *result,
                                        GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  self->width = AUFTAKT_PRINT_A4_WIDTH;
  self->height = AUFTAKT_PRINT_A4_HEIGHT;
  return TRUE;
}

/* The dialog */

typedef struct {
  AuftaktWindow  *window;  /* weak */
  AdwComboRow    *kind_row;
  AdwActionRow   *only_row;
  GtkSwitch      *only_switch;
  GtkWidget      *preview_button;
  GtkWidget      *print_button;
  GtkWidget      *spinner;
  GtkLabel       *status;
  GCancellable   *cancellable;
  char           *participant;
  GtkPrintOperationAction action;
} PrintDialog;

static const struct {
  AuftaktPrintKind  kind;
  const char       *label;
  const char       *description;
} kinds[] = {
  { AUFTAKT_PRINT_KIND_PARTICIPANTS, N_("Personal Schedules"),
    N_("A page for each participant with their workshops") },
  { AUFTAKT_PRINT_KIND_ROOMS, N_("Door Signs"),
    N_("A page for each room with its sessions of the day") },
  { AUFTAKT_PRINT_KIND_REFEREES, N_("Referee Schedules"),
    N_("A page for each referee and speaker") },
  { AUFTAKT_PRINT_KIND_AGENDA, N_("Agenda"),
    N_("The plenary programme with the workshop rounds") },
  { AUFTAKT_PRINT_KIND_ATTENDANCE, N_("Attendance Lists"),
    N_("A list with a signature column for each session") },
};

static void
print_dialog_free (gpointer data)
{
  PrintDialog *dialog = data;

  g_cancellable_cancel (dialog->cancellable);
  g_clear_object (&dialog->cancellable);
  g_clear_weak_pointer (&dialog->window);
  g_free (dialog->participant);
  g_free (dialog);
}

static PrintDialog *
get_dialog (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "auftakt-print-dialog");
}

static void
set_busy (PrintDialog *dialog,
          gboolean     busy,
          const char  *status)
{
  gtk_widget_set_sensitive (dialog->preview_button, !busy);
  gtk_widget_set_sensitive (dialog->print_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->kind_row), !busy);
  gtk_widget_set_visible (dialog->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (dialog->spinner), busy);
  gtk_label_set_text (dialog->status, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (dialog->status), status != NULL);
}

static void
update_only_row (PrintDialog *dialog)
{
  guint selected = adw_combo_row_get_selected (dialog->kind_row);

  if (selected < G_N_ELEMENTS (kinds))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (dialog->kind_row), _(kinds[selected].description));
  gtk_widget_set_visible (GTK_WIDGET (dialog->only_row),
                          dialog->participant != NULL &&
                          selected < G_N_ELEMENTS (kinds) &&
                          kinds[selected].kind == AUFTAKT_PRINT_KIND_PARTICIPANTS);
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  GtkWidget *message = adw_message_dialog_new (parent, _("Could not print"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_print_error (user_data, error);
    }
  else if (get_begin_error (AUFTAKT_PRINT_OPERATION (operation)) != NULL)
    show_print_error (user_data, get_begin_error (AUFTAKT_PRINT_OPERATION (operation)));
}

static void
run_operation (AuftaktPrintOperation *operation,
               GtkWindow             *parent)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (parent, error);
}

/* The preview: the pages as they will be printed, one at a time.  Drawn
 * by the printout itself, so that it needs no external previewer (GTK's
 * runs evince, which a machine may not have). */

typedef struct {
  AuftaktPrintOperation *operation;
  GtkWindow             *parent;  /* weak */
  GtkWidget             *area;
  AdwWindowTitle        *title;
  GtkWidget             *previous;
  GtkWidget             *next;
  guint                  page;
} Preview;

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_clear_object (&preview->operation);
  g_clear_weak_pointer (&preview->parent);
  g_free (preview);
}

static void
preview_update (Preview *preview)
{
  guint n = auftakt_print_document_get_n_pages (preview->operation->document);
  g_autofree char *subtitle = NULL;

  /* Translators: in the print preview's title */
  subtitle = g_strdup_printf (_("Page %u of %u"), preview->page + 1, MAX (n, 1));
  adw_window_title_set_subtitle (preview->title, subtitle);
  gtk_widget_set_sensitive (preview->previous, preview->page > 0);
  gtk_widget_set_sensitive (preview->next, preview->page + 1 < n);
  gtk_widget_queue_draw (preview->area);
}

static void
preview_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  Preview *preview = user_data;
  AuftaktPrintDocument *document = preview->operation->document;
  double page_width = AUFTAKT_PRINT_A4_WIDTH, page_height = AUFTAKT_PRINT_A4_HEIGHT;
  double scale, x, y;

  if (preview->operation->width > 0)
    {
      page_width = preview->operation->width;
      page_height = preview->operation->height;
    }
  scale = MIN ((width - 24) / page_width, (height - 24) / page_height);
  if (scale <= 0)
    return;
  x = (width - page_width * scale) / 2;
  y = (height - page_height * scale) / 2;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  if (preview->page < auftakt_print_document_get_n_pages (document))
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, page_width, page_height);
      cairo_clip (cr);
      auftakt_print_document_draw_page (document, cr, preview->page);
      cairo_restore (cr);
    }
}

static void
preview_previous_cb (GtkWidget *button,
                     Preview   *preview)
{
  if (preview->page > 0)
    preview->page--;
  preview_update (preview);
}

static void
preview_next_cb (GtkWidget *button,
                 Preview   *preview)
{
  if (preview->page + 1 < auftakt_print_document_get_n_pages (preview->operation->document))
    preview->page++;
  preview_update (preview);
}

static void
preview_print_cb (GtkWidget *button,
                  GtkWidget *window)
{
  Preview *preview = g_object_get_data (G_OBJECT (window), "auftakt-print-preview");
  g_autoptr(AuftaktPrintOperation) operation = g_object_new (AUFTAKT_TYPE_PRINT_OPERATION, NULL);
  GtkWindow *parent = preview->parent;

  /* An operation runs once; the preview's may have run already (GTK's
   * Preview button). */
  operation->document = g_object_ref (preview->operation->document);
  operation->width = preview->operation->width;
  operation->height = preview->operation->height;
  g_object_set_data_full (G_OBJECT (operation), "auftakt-job-name",
                          g_strdup (g_object_get_data (G_OBJECT (preview->operation),
                                                       "auftakt-job-name")), g_free);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation),
                                    g_object_get_data (G_OBJECT (operation), "auftakt-job-name"));

  gtk_window_destroy (GTK_WINDOW (window));
  run_operation (operation, parent);
}

static gboolean
preview_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Preview               *preview)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (gtk_event_controller_get_widget (
        GTK_EVENT_CONTROLLER (controller))));
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
      preview_previous_cb (NULL, preview);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_space:
      preview_next_cb (NULL, preview);
      return TRUE;
    case GDK_KEY_Home:
      preview->page = 0;
      preview_update (preview);
      return TRUE;
    case GDK_KEY_End:
      preview->page = MAX (auftakt_print_document_get_n_pages (preview->operation->document),
                           1) - 1;
      preview_update (preview);
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWidget *
auftakt_print_preview_new (GtkWindow             *parent,
                           AuftaktPrintOperation *operation)
{
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *window, *box, *header, *print, *title, *nav;
  GtkEventController *keys;

  preview->operation = g_object_ref (operation);
  g_set_weak_pointer (&preview->parent, parent);

  window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (window), "auftakt-print-preview", preview, preview_free);
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 860);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Print Preview"), NULL);
  preview->title = ADW_WINDOW_TITLE (title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (nav, "linked");
  preview->previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (preview->previous, _("Previous Page"));
  g_signal_connect (preview->previous, "clicked", G_CALLBACK (preview_previous_cb), preview);
  gtk_box_append (GTK_BOX (nav), preview->previous);
  preview->next = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (preview->next, _("Next Page"));
  g_signal_connect (preview->next, "clicked", G_CALLBACK (preview_next_cb), preview);
  gtk_box_append (GTK_BOX (nav), preview->next);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), nav);

  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "suggested-action");
  g_signal_connect (print, "clicked", G_CALLBACK (preview_print_cb), window);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  gtk_box_append (GTK_BOX (box), header);

  preview->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (preview->area, TRUE);
  gtk_widget_set_hexpand (preview->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (preview->area), preview_draw, preview, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);
  gtk_box_append (GTK_BOX (box), preview->area);
  adw_window_set_content (ADW_WINDOW (window), box);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (preview_key_cb), preview);
  gtk_widget_add_controller (window, keys);

  preview_update (preview);
  auftakt_window_name_controls (window);
  return window;
}

guint
auftakt_print_preview_get_page (GtkWidget *window)
{
  Preview *preview = g_object_get_data (G_OBJECT (window), "auftakt-print-preview");

  g_return_val_if_fail (preview != NULL, 0);

  return preview->page;
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AuftaktPrintOperation *operation = AUFTAKT_PRINT_OPERATION (source);
  GtkWidget *widget = user_data;  /* owned */
  PrintDialog *dialog = get_dialog (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action;
  GtkWindow *parent;

  if (!auftakt_print_operation_prepare_finish (operation, result, &error) ||
      g_cancellable_is_cancelled (dialog->cancellable) || !gtk_widget_get_visible (widget))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_CANCELLED))
        {
          set_busy (dialog, FALSE, NULL);
          show_print_error (GTK_WINDOW (widget), error);
        }
      g_object_unref (operation);
      g_object_unref (widget);
      return;
    }

  /* GTK's dialog or the preview takes over; ours has done its part.
   * (dialog belongs to widget: take what is needed first.) */
  parent = dialog->window != NULL ? GTK_WINDOW (dialog->window) : NULL;
  action = dialog->action;
  gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);

  if (action == GTK_PRINT_OPERATION_ACTION_PREVIEW)
    gtk_window_present (GTK_WINDOW (auftakt_print_preview_new (parent, operation)));
  else
    run_operation (operation, parent);
  g_object_unref (operation);
}

static void
start (GtkWidget               *widget,
       GtkPrintOperationAction  action)
{
  PrintDialog *dialog = get_dialog (widget);
  AuftaktDocument *document;
  g_autoptr(AuftaktEvent) event = NULL;
  AuftaktPrintOperation *operation;
  guint selected = adw_combo_row_get_selected (dialog->kind_row);
  AuftaktPrintKind kind;
  const char *participant = NULL;

  if (dialog->window == NULL || selected >= G_N_ELEMENTS (kinds) ||
      (document = auftakt_window_get_document (dialog->window)) == NULL)
    return;

  kind = kinds[selected].kind;
  if (kind == AUFTAKT_PRINT_KIND_PARTICIPANTS && gtk_widget_get_visible (GTK_WIDGET (dialog->only_row))
      && gtk_switch_get_active (dialog->only_switch))
    participant = dialog->participant;

  event = auftakt_export_actions_snapshot_event (document);
  operation = auftakt_print_operation_new (event, kind, participant);
  dialog->action = action;
  set_busy (dialog, TRUE, _("Laying out the pages…"));
  auftakt_print_operation_prepare_async (operation, dialog->cancellable, prepared_cb,
                                         g_object_ref (widget));
}

static void
preview_clicked_cb (GtkWidget *button,
                    GtkWidget *widget)
{
  start (widget, GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

static void
print_clicked_cb (GtkWidget *button,
                  GtkWidget *widget)
{
  start (widget, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
cancel_clicked_cb (GtkWidget *button,
                   GtkWidget *widget)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static char *
selected_participant (AuftaktWindow *window,
                      char         **name)
{
  GtkWidget *page = auftakt_window_get_page (window, "participants");
  GtkSelectionModel *model;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GObject) item = NULL;

  if (page == NULL || !AUFTAKT_IS_TABLE_PAGE (page) ||
      g_strcmp0 (auftakt_window_get_section (window), "participants") != 0)
    return NULL;
  model = gtk_column_view_get_model (auftakt_table_page_get_column_view (AUFTAKT_TABLE_PAGE (page)));
  if (model == NULL)
    return NULL;
  selected = gtk_selection_model_get_selection (model);
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_nth (selected, 0));
  if (!AUFTAKT_IS_PARTICIPANT (item))
    return NULL;
  *name = g_strdup (auftakt_participant_get_name (AUFTAKT_PARTICIPANT (item)));
  return g_strdup (auftakt_participant_get_id (AUFTAKT_PARTICIPANT (item)));
}

GtkWidget *
auftakt_print_dialog_new (AuftaktWindow *window)
{
  PrintDialog *dialog = g_new0 (PrintDialog, 1);
  GtkWidget *widget, *box, *header, *group, *cancel, *buttons, *status_box;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;

  g_set_weak_pointer (&dialog->window, window);
  dialog->cancellable = g_cancellable_new ();
  dialog->participant = selected_participant (window, &name);

  widget = adw_window_new ();
  g_object_set_data_full (G_OBJECT (widget), "auftakt-print-dialog", dialog, print_dialog_free);
  gtk_window_set_title (GTK_WINDOW (widget), _("Print"));
  gtk_window_set_transient_for (GTK_WINDOW (widget), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (widget), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (widget), 560, -1);
  gtk_widget_add_css_class (widget, "print-dialog");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), widget);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  gtk_widget_set_margin_top (group, 18);
  gtk_widget_set_margin_bottom (group, 12);
  gtk_widget_set_margin_start (group, 18);
  gtk_widget_set_margin_end (group, 18);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, _(kinds[i].label));
  dialog->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->kind_row), _("_Printout"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (dialog->kind_row), TRUE);
  adw_combo_row_set_model (dialog->kind_row, G_LIST_MODEL (labels));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->kind_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Printout"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->kind_row));

  dialog->only_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->only_row),
                                 _("Only the selected participant"));
  if (name != NULL)
    adw_action_row_set_subtitle (dialog->only_row, name);
  dialog->only_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (dialog->only_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (dialog->only_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->only_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Only the selected participant"), -1);
  adw_action_row_add_suffix (dialog->only_row, GTK_WIDGET (dialog->only_switch));
  adw_action_row_set_activatable_widget (dialog->only_row, GTK_WIDGET (dialog->only_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->only_row));
  gtk_box_append (GTK_BOX (box), group);

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (status_box, GTK_ALIGN_CENTER);
  dialog->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (status_box), dialog->spinner);
  dialog->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (dialog->status), "dim-label");
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (dialog->status));
  gtk_box_append (GTK_BOX (box), status_box);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 18);
  gtk_widget_set_margin_end (buttons, 18);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 18);
  dialog->preview_button = gtk_button_new_with_mnemonic (_("Pre_view"));
  gtk_widget_set_tooltip_text (dialog->preview_button, _("Show the pages before printing"));
  g_signal_connect (dialog->preview_button, "clicked", G_CALLBACK (preview_clicked_cb), widget);
  gtk_box_append (GTK_BOX (buttons), dialog->preview_button);
  dialog->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (dialog->print_button, "suggested-action");
  g_signal_connect (dialog->print_button, "clicked", G_CALLBACK (print_clicked_cb), widget);
  gtk_box_append (GTK_BOX (buttons), dialog->print_button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_window_set_content (ADW_WINDOW (widget), box);
  gtk_window_set_default_widget (GTK_WINDOW (widget), dialog->print_button);

  g_signal_connect_swapped (dialog->kind_row, "notify::selected",
                            G_CALLBACK (update_only_row), dialog);
  /* Closing the dialog stops the layout of thousands of pages at once. */
  /* (Not on "destroy": the layout's callback keeps the dialog alive, and
   * gtk_window_destroy() emits no "hide".) */
  g_signal_connect_swapped (widget, "unrealize", G_CALLBACK (g_cancellable_cancel),
                            dialog->cancellable);
  update_only_row (dialog);
  set_busy (dialog, FALSE, NULL);
  auftakt_window_name_controls (widget);
  return widget;
}

void
auftakt_print_dialog_set_kind (GtkWidget        *widget,
                               AuftaktPrintKind  kind)
{
  PrintDialog *dialog = get_dialog (widget);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      adw_combo_row_set_selected (dialog->kind_row, i);
}

const char *
auftakt_print_dialog_get_participant (GtkWidget *widget)
{
  PrintDialog *dialog = get_dialog (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (dialog->only_row)) ||
      !gtk_switch_get_active (dialog->only_switch))
    return NULL;
  return dialog->participant;
}

void
auftakt_print_dialog_start (GtkWidget *widget,
                            gboolean   preview)
{
  g_return_if_fail (get_dialog (widget) != NULL);

  start (widget, preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}
