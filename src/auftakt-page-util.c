/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-page-util"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-page-util.h"
#include "auftakt-document.h"
#include "auftakt-item-editor.h"

static AuftaktDocument *
get_document (GtkWidget *page)
{
  AuftaktDocument *document = NULL;

  g_object_get (page, "document", &document, NULL);
  return document;
}

static GtkWidget *
item_button_new (GtkWidget  *page,
                 GObject    *item,
                 const char *icon,
                 const char *tooltip,
                 GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (button, "clicked", callback, page);
  return button;
}

static void
edit_clicked_cb (GtkButton *button,
                 GtkWidget *page)
{
  GObject *item = g_object_get_data (G_OBJECT (button), "item");

  auftakt_page_open_editor (page, G_OBJECT_TYPE (item), item);
}

static void
delete_clicked_cb (GtkButton *button,
                   GtkWidget *page)
{
  GObject *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(AuftaktDocument) document = get_document (page);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  const char *ids[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  g_object_get (item, "id", &id, "title", &title, NULL);
  ids[0] = id;
  if (!auftakt_document_delete_items (document, G_OBJECT_TYPE (item), ids, &error))
    {
      auftakt_page_show_error (page, error);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), title ? title : id);
  auftakt_page_show_undo_toast (page, message);
}

AuftaktWindow *
auftakt_page_get_window (GtkWidget *page)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  root = gtk_widget_get_root (page);
  return AUFTAKT_IS_WINDOW (root) ? AUFTAKT_WINDOW (root) : NULL;
}

void
auftakt_page_show_error (GtkWidget    *page,
                         const GError *error)
{
  AuftaktWindow *window = auftakt_page_get_window (page);

  if (window != NULL)
    auftakt_window_show_error (window, error);
  else
    g_warning ("%s", error->message);
}

void
auftakt_page_show_undo_toast (GtkWidget  *page,
                              const char *message)
{
  AuftaktWindow *window = auftakt_page_get_window (page);
  AdwToast *toast;

  if (window == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  auftakt_window_add_toast (window, toast);
}

void
auftakt_page_open_editor (GtkWidget *page,
                          GType      item_type,
                          GObject   *item)
{
  g_autoptr(AuftaktDocument) document = get_document (page);
  GtkWidget *editor;

  if (document == NULL)
    return;
  editor = auftakt_item_editor_new (document, item_type, item);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (auftakt_page_get_window (page)));
  gtk_window_present (GTK_WINDOW (editor));
}

GtkWidget *
auftakt_page_edit_button_new (GtkWidget  *page,
                              GObject    *item,
                              const char *tooltip)
{
  return item_button_new (page, item, "document-edit-symbolic", tooltip,
                          G_CALLBACK (edit_clicked_cb));
}

GtkWidget *
auftakt_page_delete_button_new (GtkWidget  *page,
                                GObject    *item,
                                const char *tooltip)
{
  return item_button_new (page, item, "user-trash-symbolic", tooltip,
                          G_CALLBACK (delete_clicked_cb));
}

void
auftakt_page_add_item_buttons (GtkWidget    *page,
                               AdwActionRow *row,
                               GObject      *item,
                               const char   *edit_tooltip,
                               const char   *delete_tooltip)
{
  GtkWidget *edit = auftakt_page_edit_button_new (page, item, edit_tooltip);

  adw_action_row_add_suffix (row, edit);
  adw_action_row_add_suffix (row, auftakt_page_delete_button_new (page, item, delete_tooltip));
  adw_action_row_set_activatable_widget (row, edit);
}
