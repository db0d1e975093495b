/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-window.h"
#include "auftakt-xml-reader.h"
#include "auftakt-xml-writer.h"

#include "auftakt-agenda-page.h"
#include "auftakt-export-actions.h"
#include "auftakt-overview-page.h"
#include "auftakt-table-page.h"
#include "auftakt-timetable-page.h"
#include "auftakt-workshops-page.h"

struct _AuftaktWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwLeaflet      *leaflet;
  GtkWidget       *content;
  GtkListBox      *sidebar_list;
  GtkDropDown     *event_dropdown;
  AdwWindowTitle  *window_title;
  GtkStack        *content_stack;
  GMenu           *recent_submenu;

  AuftaktDocument *document;
  GSettings       *settings;
  gulong           notify_title_id;
  gulong           notify_undo_id;
  gulong           notify_redo_id;
  gboolean         switching_events;
};

G_DEFINE_FINAL_TYPE (AuftaktWindow, auftakt_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct {
  const char *name;
  const char *title;
  const char *icon;
  const char *accel;
} Section;

static const Section sections[] = {
  { "overview", N_("Overview"), "x-office-document-symbolic", "<Alt>1" },
  { "agenda", N_("Agenda"), "x-office-calendar-symbolic", "<Alt>2" },
  { "workshops", N_("Workshops"), "x-office-presentation-symbolic", "<Alt>3" },
  { "rooms", N_("Rooms"), "go-home-symbolic", "<Alt>4" },
  { "referees", N_("Referees"), "avatar-default-symbolic", "<Alt>5" },
  { "participants", N_("Participants"), "system-users-symbolic", "<Alt>6" },
  { "timetable", N_("Timetable"), "view-grid-symbolic", "<Alt>7" },
};

static GtkWidget *
create_page (const char *name)
{
  if (g_str_equal (name, "overview"))
    return g_object_new (AUFTAKT_TYPE_OVERVIEW_PAGE, NULL);
  if (g_str_equal (name, "agenda"))
    return g_object_new (AUFTAKT_TYPE_AGENDA_PAGE, NULL);
  if (g_str_equal (name, "workshops"))
    return g_object_new (AUFTAKT_TYPE_WORKSHOPS_PAGE, NULL);
  if (g_str_equal (name, "rooms"))
    return auftakt_table_page_new (AUFTAKT_TYPE_ROOM);
  if (g_str_equal (name, "referees"))
    return auftakt_table_page_new (AUFTAKT_TYPE_REFEREE);
  if (g_str_equal (name, "participants"))
    return auftakt_table_page_new (AUFTAKT_TYPE_PARTICIPANT);
  if (g_str_equal (name, "timetable"))
    return g_object_new (AUFTAKT_TYPE_TIMETABLE_PAGE, NULL);
  g_return_val_if_reached (NULL);
}

static void
update_title (AuftaktWindow *self)
{
  GtkStackPage *page;
  const char *section = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Auftakt"));
      adw_window_title_set_title (self->window_title, _("Auftakt"));
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), auftakt_document_get_title (self->document));
  adw_window_title_set_title (self->window_title, auftakt_document_get_title (self->document));

  page = gtk_stack_get_page (self->content_stack,
                             gtk_stack_get_visible_child (self->content_stack));
  if (page != NULL)
    section = gtk_stack_page_get_title (page);
  adw_window_title_set_subtitle (self->window_title, section);
}

static void
update_actions (AuftaktWindow *self)
{
  gboolean open = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 open && auftakt_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 open && auftakt_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-schedule",
                                 open && auftakt_event_get_schedule (
                                   auftakt_document_get_event (self->document)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.section", open);
  auftakt_export_actions_update (self);
}

static void
update_recent (AuftaktWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_submenu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_query_exists (file, NULL))
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_submenu, item);
    }
}

static void
update_events (AuftaktWindow *self)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GtkStringList) list = NULL;
  const char *current;

  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->event_dropdown), FALSE);
      return;
    }

  ids = auftakt_store_list_events (auftakt_document_get_store (self->document), NULL);
  current = auftakt_event_get_id (auftakt_document_get_event (self->document));
  list = gtk_string_list_new ((const char * const *) ids);

  self->switching_events = TRUE;
  gtk_drop_down_set_model (self->event_dropdown, G_LIST_MODEL (list));
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], current) == 0)
      gtk_drop_down_set_selected (self->event_dropdown, i);
  self->switching_events = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->event_dropdown),
                          ids != NULL && g_strv_length (ids) > 1);
}

static void
document_notify_cb (AuftaktWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void visible_page_changed_cb (AuftaktWindow *self);

static void
set_document (AuftaktWindow   *self,
              AuftaktDocument *document)
{
  GtkWidget *child;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->notify_title_id, self->document);
      g_clear_signal_handler (&self->notify_undo_id, self->document);
      g_clear_signal_handler (&self->notify_redo_id, self->document);
    }
  g_set_object (&self->document, document);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "document", document, NULL);

  if (document != NULL)
    {
      self->notify_title_id = g_signal_connect_swapped (document, "notify::title",
                                                        G_CALLBACK (document_notify_cb), self);
      self->notify_undo_id = g_signal_connect_swapped (document, "notify::can-undo",
                                                       G_CALLBACK (document_notify_cb), self);
      self->notify_redo_id = g_signal_connect_swapped (document, "changed",
                                                       G_CALLBACK (document_notify_cb), self);
      gtk_stack_set_visible_child_name (self->main_stack, "plan");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");

  update_events (self);
  visible_page_changed_cb (self);
  update_actions (self);
}

static void
event_selected_cb (AuftaktWindow *self)
{
  GtkStringObject *item;
  g_autoptr(GError) error = NULL;

  if (self->switching_events || self->document == NULL)
    return;
  item = gtk_drop_down_get_selected_item (self->event_dropdown);
  if (item != NULL &&
      !auftakt_window_switch_event (self, gtk_string_object_get_string (item), &error))
    auftakt_window_show_error (self, error);
}

static void
sidebar_row_activated_cb (GtkListBox    *box,
                          GtkListBoxRow *row,
                          gpointer       user_data)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (gtk_widget_get_root (GTK_WIDGET (box)));

  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (AuftaktWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
visible_page_changed_cb (AuftaktWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));

  update_title (self);
}

static char *
user_plan_path (const char *basename)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "auftakt", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, basename, NULL);
}

static gboolean
import_event (AuftaktWindow  *self,
              const char     *xml_path,
              GError        **error)
{
  g_autoptr(AuftaktEvent) event = auftakt_xml_read_event (xml_path, error);
  g_autoptr(AuftaktDocument) document = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  char *dot;

  if (event == NULL)
    return FALSE;

  /* With a plan open, the event joins it; otherwise it becomes a plan of
   * its own among the user's plans. */
  if (self->document != NULL)
    {
      AuftaktStore *store = auftakt_document_get_store (self->document);

      if (!auftakt_store_add_event (store, event, error))
        return FALSE;
      document = auftakt_document_open (auftakt_store_get_path (store),
                                        auftakt_event_get_id (event), error);
      if (document == NULL)
        return FALSE;
      set_document (self, document);
      return TRUE;
    }

  basename = g_path_get_basename (xml_path);
  if ((dot = strrchr (basename, '.')) != NULL)
    *dot = '\0';
  {
    g_autofree char *name = g_strconcat (basename, ".auftakt", NULL);

    path = user_plan_path (name);
  }
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u.auftakt", basename, i);

      g_free (path);
      path = user_plan_path (numbered);
    }

  document = auftakt_document_create (path, FALSE, event, error);
  if (document == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  auftakt_application_add_recent (AUFTAKT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                  file);
  set_document (self, document);
  auftakt_window_set_section (self, "overview");
  return TRUE;
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Auftakt Plans"));
  gtk_file_filter_add_mime_type (filter, "application/x-auftakt-plan");
  gtk_file_filter_add_suffix (filter, "auftakt");
  return filter;
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Event Files (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  return filter;
}

typedef void (*FileChosenFunc) (AuftaktWindow *self,
                                GFile         *file,
                                gpointer       data);

typedef struct {
  AuftaktWindow  *self;
  FileChosenFunc  chosen;
  gpointer        data;
} FileChoice;

static void
file_choice_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          FileChoice      *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      choice->chosen (choice->self, file, choice->data);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Asks modally for a file that @filter lets through, offering
 * @current_name (NULL: none) to save under, and calls @chosen with it
 * unless the user cancels. */
static void
choose_file (AuftaktWindow        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GtkFileFilter        *filter,
             const char           *current_name,
             FileChosenFunc        chosen,
             gpointer              data)
{
  GtkFileChooserNative *dialog;
  FileChoice *choice = g_new0 (FileChoice, 1);

  choice->self = self;
  choice->chosen = chosen;
  choice->data = data;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                        accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (file_chooser_response_cb),
                         choice, file_choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* @file, with ".auftakt" added where the user left it out. */
static GFile *
with_plan_suffix (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *with_suffix = NULL;

  if (g_str_has_suffix (path, ".auftakt"))
    return g_object_ref (file);
  with_suffix = g_strconcat (path, ".auftakt", NULL);
  return g_file_new_for_path (with_suffix);
}

static void
new_file_chosen (AuftaktWindow *self,
                 GFile         *chosen,
                 gpointer       data)
{
  g_autoptr(GFile) file = with_plan_suffix (chosen);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(AuftaktEvent) event = auftakt_event_new (NULL);
  g_autoptr(AuftaktDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  auftakt_event_set_title (event, _("New Event"));
  /* The chooser asked before replacing a file. */
  document = auftakt_document_create (path, TRUE, event, &error);
  if (document == NULL)
    auftakt_window_show_error (self, error);
  else
    {
      auftakt_application_add_recent (
        AUFTAKT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
      set_document (self, document);
      auftakt_window_set_section (self, "overview");
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  choose_file (AUFTAKT_WINDOW (widget), _("New Plan"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), filter, _("Plan.auftakt"), new_file_chosen, NULL);
}

static void
open_file_chosen (AuftaktWindow *self,
                  GFile         *file,
                  gpointer       data)
{
  auftakt_window_open_file (self, file, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  choose_file (AUFTAKT_WINDOW (widget), _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), filter, NULL, open_file_chosen, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  auftakt_window_open_file (AUFTAKT_WINDOW (widget), file, NULL);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  auftakt_window_open_demo (AUFTAKT_WINDOW (widget), NULL);
}

static void
import_file_chosen (AuftaktWindow *self,
                    GFile         *file,
                    gpointer       data)
{
  g_autoptr(GError) error = NULL;

  /* The reader names the file, line and problem: too long for a toast. */
  if (!auftakt_window_import_file (self, file, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self),
                                                   _("The Event Cannot Be Imported"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  choose_file (AUFTAKT_WINDOW (widget), _("Import Event"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Import"), filter, NULL, import_file_chosen, NULL);
}

static void
export_file_chosen (AuftaktWindow *self,
                    GFile         *file,
                    gpointer       data)
{
  gboolean schedule = GPOINTER_TO_INT (data);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  AuftaktEvent *event;
  gboolean ok;

  if (self->document == NULL)
    return;
  event = auftakt_document_get_event (self->document);

  if (schedule)
    ok = auftakt_xml_write_schedule (auftakt_event_get_schedule (event), path, &error);
  else
    ok = auftakt_xml_write_event (event, path, &error);

  if (!ok)
    auftakt_window_show_error (self, error);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), basename);

      auftakt_window_add_toast (self, adw_toast_new (message));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (widget);
  gboolean schedule = g_str_equal (action_name, "win.export-schedule");
  g_autoptr(GtkFileFilter) filter = xml_filter ();
  g_autofree char *name = NULL;
  AuftaktEvent *event;

  if (self->document == NULL)
    return;
  event = auftakt_document_get_event (self->document);

  name = g_strdup_printf (schedule ? "%s-schedule.xml" : "%s.xml",
                          auftakt_event_get_id (event) ? auftakt_event_get_id (event) : "event");
  choose_file (self, schedule ? _("Export Schedule") : _("Export Event"),
               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter, name,
               export_file_chosen, GINT_TO_POINTER (schedule));
}

static void
save_copy_file_chosen (AuftaktWindow *self,
                       GFile         *chosen,
                       gpointer       data)
{
  g_autoptr(GFile) file = with_plan_suffix (chosen);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(AuftaktDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  /* The chooser asked before replacing a file. */
  copy = auftakt_document_create (path, TRUE,
                                  auftakt_document_get_event (self->document), &error);
  if (copy == NULL)
    auftakt_window_show_error (self, error);
  else
    auftakt_window_open_file (self, file, NULL);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  /* Translators: the file name of a copy of a plan, %s is the event's title */
  name = g_strdup_printf (_("%s (copy).auftakt"), auftakt_document_get_title (self->document));
  choose_file (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), filter, name,
               save_copy_file_chosen, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    ok = auftakt_document_undo (self->document, &error);
  else
    ok = auftakt_document_redo (self->document, &error);
  if (!ok)
    auftakt_window_show_error (self, error);
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  auftakt_window_set_section (AUFTAKT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  /* Pages with a search entry say so with "search-entry". */
  if (page != NULL && g_object_get_data (G_OBJECT (page), "search-entry") != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (page), "search-entry"));
}

static void
save_window_size (AuftaktWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", MAX (width, 360));
  g_settings_set_int (self->settings, "window-height", MAX (height, 294));
  g_settings_set_boolean (self->settings, "is-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
auftakt_window_close_request (GtkWindow *window)
{
  save_window_size (AUFTAKT_WINDOW (window));

  return GTK_WINDOW_CLASS (auftakt_window_parent_class)->close_request (window);
}

static void
auftakt_window_constructed (GObject *object)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (auftakt_window_parent_class)->constructed (object);

  if (app != NULL && AUFTAKT_IS_APPLICATION (app))
    self->settings = g_object_ref (auftakt_application_get_settings (AUFTAKT_APPLICATION (app)));
  else
    self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "is-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

static void
auftakt_window_dispose (GObject *object)
{
  AuftaktWindow *self = AUFTAKT_WINDOW (object);

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->notify_title_id, self->document);
      g_clear_signal_handler (&self->notify_undo_id, self->document);
      g_clear_signal_handler (&self->notify_redo_id, self->document);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_WINDOW);

  G_OBJECT_CLASS (auftakt_window_parent_class)->dispose (object);
}

static void
auftakt_window_class_init (AuftaktWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = auftakt_window_constructed;
  object_class->dispose = auftakt_window_dispose;
  window_class->close_request = auftakt_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, event_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-schedule", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  auftakt_export_actions_install (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.section", "s", sections[i].name);
}

static void
auftakt_window_init (AuftaktWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row, *box, *label;
      GtkStackPage *page;

      page = gtk_stack_add_titled (self->content_stack, create_page (sections[i].name),
                                   sections[i].name, _(sections[i].title));
      gtk_stack_page_set_icon_name (page, sections[i].icon);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[i].icon));
      label = gtk_label_new (_(sections[i].title));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      row = gtk_list_box_row_new ();
      gtk_widget_set_name (row, sections[i].name);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(sections[i].title),
                                      -1);
      gtk_list_box_append (self->sidebar_list, row);
    }

  g_signal_connect_swapped (self->event_dropdown, "notify::selected",
                            G_CALLBACK (event_selected_cb), self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  update_title (self);
  update_actions (self);
  auftakt_window_name_controls (GTK_WIDGET (self));
}

AuftaktWindow *
auftakt_window_new (AuftaktApplication *application)
{
  return g_object_new (AUFTAKT_TYPE_WINDOW, "application", application, NULL);
}

gboolean
auftakt_window_open_file (AuftaktWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AuftaktDocument) document = NULL;
  g_autofree char *path = NULL;
  GtkApplication *app;

  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only local plans can be opened"));
  else
    document = auftakt_document_open (path, NULL, &local_error);

  if (document == NULL)
    {
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        auftakt_window_show_error (self, local_error);
      return FALSE;
    }

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && AUFTAKT_IS_APPLICATION (app))
    auftakt_application_add_recent (AUFTAKT_APPLICATION (app), file);
  set_document (self, document);
  auftakt_window_set_section (self, "overview");
  return TRUE;
}

gboolean
auftakt_window_open_demo (AuftaktWindow  *self,
                          GError        **error)
{
  g_autofree char *xml = auftakt_application_find_demo ();
  g_autoptr(AuftaktEvent) event = NULL;
  g_autoptr(AuftaktDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  GtkApplication *app;

  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), FALSE);

  if (xml == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The demo event is not installed"));
  else
    event = auftakt_xml_read_event (xml, &local_error);

  /* A fresh copy each time: the demo is for trying things out. */
  if (event != NULL)
    {
      path = user_plan_path ("potsdam-demo.auftakt");
      document = auftakt_document_create (path, TRUE, event, &local_error);
    }

  if (document == NULL)
    {
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        auftakt_window_show_error (self, local_error);
      return FALSE;
    }

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && AUFTAKT_IS_APPLICATION (app))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      auftakt_application_add_recent (AUFTAKT_APPLICATION (app), file);
    }
  set_document (self, document);
  auftakt_window_set_section (self, "overview");
  return TRUE;
}

gboolean
auftakt_window_import_file (AuftaktWindow  *self,
                            GFile          *file,
                            GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), FALSE);

  if (path == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only local files can be imported"));
  else
    import_event (self, path, &local_error);

  if (local_error != NULL)
    {
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        auftakt_window_show_error (self, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
auftakt_window_switch_event (AuftaktWindow  *self,
                             const char     *event_id,
                             GError        **error)
{
  g_autoptr(AuftaktDocument) document = NULL;

  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No plan is open"));
      return FALSE;
    }
  if (g_strcmp0 (event_id, auftakt_event_get_id (auftakt_document_get_event (self->document))) == 0)
    return TRUE;

  document = auftakt_document_open (auftakt_document_get_path (self->document), event_id, error);
  if (document == NULL)
    return FALSE;
  set_document (self, document);
  return TRUE;
}

AuftaktDocument *
auftakt_window_get_document (AuftaktWindow *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), NULL);

  return self->document;
}

void
auftakt_window_set_section (AuftaktWindow *self,
                            const char    *name)
{
  g_return_if_fail (AUFTAKT_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

const char *
auftakt_window_get_section (AuftaktWindow *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
auftakt_window_get_page (AuftaktWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (AUFTAKT_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->content_stack, name);
}

void
auftakt_window_add_toast (AuftaktWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (AUFTAKT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
auftakt_window_show_error (AuftaktWindow *self,
                           const GError  *error)
{
  AdwToast *toast;

  g_return_if_fail (AUFTAKT_IS_WINDOW (self));

  toast = adw_toast_new (error ? error->message : _("Something went wrong"));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

void
auftakt_window_name_controls (GtkWidget *widget)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_COLUMN_VIEW (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      /* Named by its creator already. */
      if (g_object_get_data (G_OBJECT (widget), "auftakt-named") != NULL)
        ;
      else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
      else if (gtk_widget_get_tooltip_text (widget) != NULL)
        name = g_strdup (gtk_widget_get_tooltip_text (widget));
      else if (parent != NULL && GTK_IS_MENU_BUTTON (parent) &&
               gtk_widget_get_tooltip_text (parent) != NULL)
        name = g_strdup (gtk_widget_get_tooltip_text (parent));

      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    auftakt_window_name_controls (child);
}
