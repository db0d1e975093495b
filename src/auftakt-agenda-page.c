/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-agenda-page"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-agenda-page.h"
#include "auftakt-document.h"
#include "auftakt-page-util.h"
#include "auftakt-util.h"
#include "auftakt-window.h"

/* The plenary programme as a time line, and the workshop rounds. */
struct _AuftaktAgendaPage
{
  AuftaktPage parent_instance;

  AdwPreferencesGroup *agenda_group;
  AdwPreferencesGroup *rounds_group;

  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (AuftaktAgendaPage, auftakt_agenda_page, AUFTAKT_TYPE_PAGE)

static char *
format_span (int start,
             int end)
{
  g_autofree char *from = auftakt_format_minutes (start);
  g_autofree char *to = auftakt_format_minutes (end);

  if (from == NULL)
    return g_strdup ("–");
  if (to == NULL)
    return g_strdup (from);
  return g_strdup_printf ("%s–%s", from, to);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  AuftaktAgendaItem *x = *(AuftaktAgendaItem **) a;
  AuftaktAgendaItem *y = *(AuftaktAgendaItem **) b;
  int sx = auftakt_agenda_item_get_start (x);
  int sy = auftakt_agenda_item_get_start (y);

  /* Items without a time keep their place after the timed ones. */
  if (sx < 0 || sy < 0)
    return (sx < 0) - (sy < 0);
  return sx - sy;
}

static void
add_row (AuftaktAgendaPage   *self,
         AdwPreferencesGroup *group,
         GObject             *item,
         const char          *title,
         const char          *subtitle,
         const char          *time)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *time_label = gtk_label_new (time);
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle ? subtitle : "", -1);

  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_set_size_request (time_label, 96, -1);
  gtk_label_set_xalign (GTK_LABEL (time_label), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), time_label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  auftakt_page_add_item_buttons (GTK_WIDGET (self), ADW_ACTION_ROW (row), item,
                                 AUFTAKT_IS_ROUND (item) ? _("Edit Round")
                                                         : _("Edit Agenda Item"),
                                 AUFTAKT_IS_ROUND (item) ? _("Delete Round")
                                                         : _("Delete Agenda Item"));
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
refresh (AuftaktPage *page)
{
  AuftaktAgendaPage *self = AUFTAKT_AGENDA_PAGE (page);
  AuftaktDocument *document = auftakt_page_get_document (page);
  AuftaktEvent *event;
  GListModel *agenda, *rounds;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
        gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-item", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-round", document != NULL);
  if (document == NULL)
    return;

  event = auftakt_document_get_event (document);
  agenda = G_LIST_MODEL (auftakt_event_get_agenda (event));
  rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    g_ptr_array_add (items, g_list_model_get_item (agenda, i));
  g_ptr_array_sort (items, compare_items);

  for (guint i = 0; i < items->len; i++)
    {
      AuftaktAgendaItem *item = g_ptr_array_index (items, i);
      const char * const *speakers = auftakt_agenda_item_get_speakers (item);
      AuftaktRoom *room = auftakt_agenda_item_get_room (item)
                          ? auftakt_event_find_room (event, auftakt_agenda_item_get_room (item))
                          : NULL;
      g_autoptr(GString) subtitle =
        g_string_new (auftakt_agenda_kind_get_label (auftakt_agenda_item_get_kind (item)));
      g_autofree char *time = format_span (auftakt_agenda_item_get_start (item),
                                           auftakt_agenda_item_get_end (item));
      g_autofree char *title = NULL;

      if (room != NULL)
        g_string_append_printf (subtitle, " · %s", auftakt_room_get_name (room));
      for (guint j = 0; speakers[j] != NULL; j++)
        {
          AuftaktReferee *referee = auftakt_event_find_referee (event, speakers[j]);

          g_string_append (subtitle, j == 0 ? " · " : ", ");
          g_string_append (subtitle, referee && auftakt_referee_get_name (referee)
                                     ? auftakt_referee_get_name (referee) : speakers[j]);
        }
      title = auftakt_agenda_item_get_number (item)
              ? g_strdup_printf ("%s  %s", auftakt_agenda_item_get_number (item),
                                 auftakt_agenda_item_get_title (item))
              : g_strdup (auftakt_agenda_item_get_title (item));
      add_row (self, self->agenda_group, G_OBJECT (item), title, subtitle->str, time);
    }

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, i);
      g_autofree char *time = format_span (auftakt_round_get_start (round),
                                           auftakt_round_get_end (round));

      add_row (self, self->rounds_group, G_OBJECT (round),
               auftakt_round_get_title (round) ? auftakt_round_get_title (round)
                                               : auftakt_round_get_id (round),
               auftakt_round_get_id (round), time);
    }
  auftakt_window_name_controls (GTK_WIDGET (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  auftakt_page_open_editor (widget,
                            g_str_equal (action_name, "agenda.add-round")
                            ? AUFTAKT_TYPE_ROUND : AUFTAKT_TYPE_AGENDA_ITEM,
                            NULL);
}

static void
auftakt_agenda_page_dispose (GObject *object)
{
  AuftaktAgendaPage *self = AUFTAKT_AGENDA_PAGE (object);

  auftakt_page_release_document (AUFTAKT_PAGE (self));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_AGENDA_PAGE);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (auftakt_agenda_page_parent_class)->dispose (object);
}

static void
auftakt_agenda_page_class_init (AuftaktAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AuftaktPageClass *page_class = AUFTAKT_PAGE_CLASS (klass);

  object_class->dispose = auftakt_agenda_page_dispose;
  page_class->document_changed = refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktAgendaPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktAgendaPage, rounds_group);

  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-round", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "agenda.add-item", NULL);
}

static void
auftakt_agenda_page_init (AuftaktAgendaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
