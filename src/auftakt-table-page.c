/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-table-page"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-availability.h"
#include "auftakt-document.h"
#include "auftakt-item-editor.h"
#include "auftakt-page-util.h"
#include "auftakt-table-page.h"
#include "auftakt-window.h"

typedef struct _Column Column;
typedef char *(*CellText) (AuftaktTablePage *self, gpointer item, Column *column);
typedef int   (*CellNumber) (gpointer item);

struct _Column {
  AuftaktTablePage *self;
  const char       *title;
  CellText          text;
  CellNumber        number;
  gboolean          expand;
  char             *round;
};

struct _AuftaktTablePage
{
  AuftaktPage parent_instance;

  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkWidget      *edit_button;
  GtkWidget      *delete_button;
  GtkWidget      *add_button;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_add_button;

  GType                item_type;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  GtkCustomFilter     *filter;
  char                *search;
  AuftaktAvailability *availability;
  char               **round_ids;  /* of the round columns */
};

G_DEFINE_FINAL_TYPE (AuftaktTablePage, auftakt_table_page, AUFTAKT_TYPE_PAGE)

static GQuark haystack_quark;

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static char *
id_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  g_autofree char *id = NULL;

  g_object_get (item, "id", &id, NULL);
  return g_steal_pointer (&id);
}

static char *
name_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  char *name = NULL;

  g_object_get (item, "name", &name, NULL);
  return name;
}

static char *
organisation_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  char *text = NULL;

  g_object_get (item, "organisation", &text, NULL);
  return text;
}

static char *
email_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  char *text = NULL;

  g_object_get (item, "email", &text, NULL);
  return text;
}

static char *
role_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  return g_strdup (auftakt_referee_get_role (item));
}

static char *
description_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  const char *text = auftakt_room_get_description (item);
  char *line;

  if (text == NULL)
    return NULL;
  line = g_strdup (text);
  g_strdelimit (line, "\n", ' ');
  return line;
}

static int
capacity_number (gpointer item)
{
  return auftakt_room_get_capacity (item);
}

static char *
capacity_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  return g_strdup_printf ("%d", auftakt_room_get_capacity (item));
}

static char *
choices_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  const char * const *choices = auftakt_participant_get_choices (item);
  AuftaktEvent *event =
    auftakt_document_get_event (auftakt_page_get_document (AUFTAKT_PAGE (self)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      AuftaktWorkshop *workshop = auftakt_event_find_workshop (event, choices[i]);

      if (i > 0)
        g_string_append (text, ", ");
      if (workshop != NULL)
        g_string_append_printf (text, "%u. %s", i + 1, or_empty (auftakt_workshop_get_title (workshop)));
      else
        /* Translators: a participant's choice of a workshop that no longer exists */
        g_string_append_printf (text, _("%u. ⚠ %s (no such workshop)"), i + 1, choices[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
attended_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  return g_strdup (auftakt_document_get_attended (
                     auftakt_page_get_document (AUFTAKT_PAGE (self)),
                     auftakt_participant_get_id (item)));
}

static char *
availability_text (AuftaktTablePage *self, gpointer item, Column *column)
{
  AuftaktAgendaItem *busy = NULL;
  gboolean available;

  if (self->availability == NULL)
    return NULL;

  if (AUFTAKT_IS_ROOM (item))
    available = auftakt_availability_room (self->availability, auftakt_room_get_id (item),
                                           column->round, &busy);
  else
    available = auftakt_availability_referee (self->availability, auftakt_referee_get_id (item),
                                              column->round, &busy);
  if (available)
    return g_strdup (_("Available"));
  if (busy != NULL)
    /* Translators: busy with a plenary agenda item, named after the colon */
    return g_strdup_printf (_("Busy: %s"), or_empty (auftakt_agenda_item_get_title (busy)));
  return g_strdup (_("Unavailable"));
}

typedef struct {
  GType       type;
  const char *search;
  const char *add;
  const char *empty_title;
  const char *empty_description;
  const char *empty_button;
  const char *icon;
  Column      columns[8];
} TypeInfo;

static TypeInfo type_infos[] = {
  { 0, N_("Search rooms"), N_("Add Room"), N_("No Rooms Yet"),
    N_("Add the rooms where workshops can take place, with the number of seats each has."),
    N_("_Add Room"), "go-home-symbolic",
    { { NULL, N_("ID"), id_text },
      { NULL, N_("Name"), name_text, NULL, TRUE },
      { NULL, N_("Capacity"), capacity_text, capacity_number },
      { NULL, N_("Description"), description_text, NULL, TRUE } } },
  { 0, N_("Search referees"), N_("Add Referee"), N_("No Referees Yet"),
    N_("Add the people who lead workshops or speak in the plenary."),
    N_("_Add Referee"), "avatar-default-symbolic",
    { { NULL, N_("ID"), id_text },
      { NULL, N_("Name"), name_text, NULL, TRUE },
      { NULL, N_("Organisation"), organisation_text, NULL, TRUE },
      { NULL, N_("Role"), role_text, NULL, TRUE } } },
  { 0, N_("Search participants"), N_("Add Participant"), N_("No Participants Yet"),
    N_("Add the people who registered, with the workshops they chose, best first."),
    N_("_Add Participant"), "system-users-symbolic",
    { { NULL, N_("ID"), id_text },
      { NULL, N_("Name"), name_text, NULL, TRUE },
      { NULL, N_("Organisation"), organisation_text, NULL, TRUE },
      { NULL, N_("Email"), email_text, NULL, TRUE },
      { NULL, N_("Choices"), choices_text, NULL, TRUE },
      { NULL, N_("Workshops"), attended_text, NULL, TRUE } } },
};

static TypeInfo *
get_type_info (GType type)
{
  type_infos[0].type = AUFTAKT_TYPE_ROOM;
  type_infos[1].type = AUFTAKT_TYPE_REFEREE;
  type_infos[2].type = AUFTAKT_TYPE_PARTICIPANT;

  for (guint i = 0; i < G_N_ELEMENTS (type_infos); i++)
    if (type_infos[i].type == type)
      return &type_infos[i];
  g_return_val_if_reached (NULL);
}

/* What the search looks at, casefolded once per item: items are replaced,
 * never changed, so the cache stays right. */
static const char *
get_haystack (gpointer item)
{
  char *haystack = g_object_get_qdata (item, haystack_quark);

  if (haystack == NULL)
    {
      g_autofree char *joined = NULL;
      const char *fields[5] = { NULL };
      guint n = 0;

      if (AUFTAKT_IS_PARTICIPANT (item))
        {
          fields[n++] = auftakt_participant_get_id (item);
          fields[n++] = auftakt_participant_get_name (item);
          fields[n++] = auftakt_participant_get_organisation (item);
          fields[n++] = auftakt_participant_get_email (item);
        }
      else if (AUFTAKT_IS_REFEREE (item))
        {
          fields[n++] = auftakt_referee_get_id (item);
          fields[n++] = auftakt_referee_get_name (item);
          fields[n++] = auftakt_referee_get_organisation (item);
          fields[n++] = auftakt_referee_get_role (item);
        }
      else if (AUFTAKT_IS_ROOM (item))
        {
          fields[n++] = auftakt_room_get_id (item);
          fields[n++] = auftakt_room_get_name (item);
          fields[n++] = auftakt_room_get_description (item);
        }

      joined = g_strjoin ("\n", or_empty (fields[0]), or_empty (fields[1]),
                          or_empty (fields[2]), or_empty (fields[3]), NULL);
      haystack = g_utf8_casefold (joined, -1);
      g_object_set_qdata_full (item, haystack_quark, haystack, g_free);
    }
  return haystack;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AuftaktTablePage *self = user_data;

  if (self->search == NULL)
    return TRUE;
  return strstr (get_haystack (item), self->search) != NULL;
}

static void
update_state (AuftaktTablePage *self)
{
  AuftaktDocument *document = auftakt_page_get_document (AUFTAKT_PAGE (self));
  guint n_all = 0, n_shown = 0, n_selected = 0;
  g_autofree char *count = NULL;
  g_autoptr(GtkBitset) selected = NULL;

  if (document != NULL)
    n_all = g_list_model_get_n_items (
      G_LIST_MODEL (auftakt_document_get_list (document, self->item_type)));
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = gtk_bitset_get_size (selected);

  /* While the filter runs in batches the count would change with every
   * batch, and each change would lay out the visible rows again. */
  if (gtk_filter_list_model_get_pending (self->filter_model) > 0)
    count = g_strdup (gtk_label_get_text (self->count_label));
  else if (n_selected > 1)
    /* Translators: number of selected rows */
    count = g_strdup_printf (_("%u selected"), n_selected);
  else if (n_shown < n_all)
    /* Translators: rows shown of all rows */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_all);
  else
    count = g_strdup_printf ("%u", n_all);
  gtk_label_set_text (self->count_label, count);

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.add", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.edit", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete", n_selected > 0);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column *column = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (auftakt_page_get_document (AUFTAKT_PAGE (column->self)) == NULL)
    return;
  text = column->text (column->self, item, column);
  gtk_label_set_text (GTK_LABEL (label), or_empty (text));
  if (text != NULL && strstr (text, "⚠") != NULL)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static char *
sort_string (GObject *item,
             gpointer user_data)
{
  Column *column = user_data;

  if (auftakt_page_get_document (AUFTAKT_PAGE (column->self)) == NULL)
    return NULL;
  return column->text (column->self, item, column);
}

static int
sort_number (GObject *item,
             gpointer user_data)
{
  Column *column = user_data;

  return column->number (item);
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->round);
  g_free (column);
}

static void
add_column (AuftaktTablePage *self,
            const Column     *spec,
            const char       *title,
            const char       *round)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;
  Column *column = g_new0 (Column, 1);

  *column = *spec;
  column->self = self;
  column->round = g_strdup (round);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (view_column), "column", column, column_free);
  gtk_column_view_column_set_expand (view_column, column->expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);

  if (column->number != NULL)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (
      gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                   G_CALLBACK (sort_number), column, NULL)));
  else
    {
      sorter = GTK_SORTER (gtk_string_sorter_new (
        gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                     G_CALLBACK (sort_string), column, NULL)));
    }
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);

  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
rebuild_round_columns (AuftaktTablePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  AuftaktDocument *document = auftakt_page_get_document (AUFTAKT_PAGE (self));
  GListModel *rounds;
  static const Column spec = { NULL, NULL, availability_text };

  if (self->item_type == AUFTAKT_TYPE_PARTICIPANT || document == NULL)
    return;

  rounds = G_LIST_MODEL (auftakt_event_get_rounds (auftakt_document_get_event (document)));
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, i);

      g_strv_builder_add (builder, auftakt_round_get_id (round));
    }
  ids = g_strv_builder_end (builder);
  if (self->round_ids != NULL &&
      g_strv_equal ((const char * const *) ids, (const char * const *) self->round_ids))
    return;

  /* Remove the old round columns, then add one per round. */
  for (guint i = g_list_model_get_n_items (columns); i > 0; i--)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i - 1);
      Column *data = g_object_get_data (G_OBJECT (column), "column");

      if (data->round != NULL)
        gtk_column_view_remove_column (self->column_view, column);
    }

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, i);
      const char *title = auftakt_round_get_title (round);

      add_column (self, &spec, title && *title ? title : auftakt_round_get_id (round),
                  auftakt_round_get_id (round));
    }

  g_strfreev (self->round_ids);
  self->round_ids = g_steal_pointer (&ids);
}

static void
document_set (AuftaktPage *page)
{
  AuftaktTablePage *self = AUFTAKT_TABLE_PAGE (page);
  AuftaktDocument *document = auftakt_page_get_document (page);

  gtk_filter_list_model_set_model (self->filter_model,
                                   document ? G_LIST_MODEL (auftakt_document_get_list (document,
                                                                                       self->item_type))
                                            : NULL);
}

static void
document_changed (AuftaktPage *page)
{
  AuftaktTablePage *self = AUFTAKT_TABLE_PAGE (page);
  AuftaktDocument *document = auftakt_page_get_document (page);

  g_clear_pointer (&self->availability, auftakt_availability_free);
  if (document != NULL && self->item_type != AUFTAKT_TYPE_PARTICIPANT)
    self->availability = auftakt_availability_new (auftakt_document_get_event (document));
  rebuild_round_columns (self);
  update_state (self);
}

static void
search_changed_cb (AuftaktTablePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *old = g_steal_pointer (&self->search);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);

  if (old == NULL && self->search != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && self->search == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (old != NULL && strstr (self->search, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && strstr (old, self->search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static GObject *
get_selected_item (AuftaktTablePage *self)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));
}

static void
row_activated_cb (AuftaktTablePage *self,
                  guint             position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  auftakt_page_open_editor (GTK_WIDGET (self), self->item_type, item);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  auftakt_page_open_editor (widget, AUFTAKT_TABLE_PAGE (widget)->item_type, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AuftaktTablePage *self = AUFTAKT_TABLE_PAGE (widget);
  AuftaktDocument *document = auftakt_page_get_document (AUFTAKT_PAGE (self));
  g_autoptr(GObject) item = get_selected_item (self);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkBitsetIter iter;
  guint position;
  GtkWidget *editor;

  if (item != NULL)
    {
      auftakt_page_open_editor (GTK_WIDGET (self), self->item_type, item);
      return;
    }

  /* Several rows: one form for all of them. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (document == NULL || gtk_bitset_is_empty (selected))
    return;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  editor = auftakt_item_editor_new_bulk (document, self->item_type, items);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (auftakt_page_get_window (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AuftaktTablePage *self = AUFTAKT_TABLE_PAGE (widget);
  AuftaktDocument *document = auftakt_page_get_document (AUFTAKT_PAGE (self));
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkBitsetIter iter;
  guint position, n;
  g_autofree char *message = NULL;

  if (document == NULL || gtk_bitset_is_empty (selected))
    return;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  n = g_strv_length (ids);

  if (!auftakt_document_delete_items (document, self->item_type,
                                      (const char * const *) ids, &error))
    {
      auftakt_page_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (self->item_type == AUFTAKT_TYPE_ROOM)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u room deleted",
                                            "%u rooms deleted", n), n);
  else if (self->item_type == AUFTAKT_TYPE_REFEREE)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referee deleted",
                                            "%u referees deleted", n), n);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant deleted",
                                            "%u participants deleted", n), n);
  auftakt_page_show_undo_toast (GTK_WIDGET (self), message);
}

static void
auftakt_table_page_dispose (GObject *object)
{
  AuftaktTablePage *self = AUFTAKT_TABLE_PAGE (object);

  auftakt_page_set_document (AUFTAKT_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_TABLE_PAGE);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->selection);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->round_ids, g_strfreev);
  g_clear_pointer (&self->availability, auftakt_availability_free);

  G_OBJECT_CLASS (auftakt_table_page_parent_class)->dispose (object);
}

static void
auftakt_table_page_class_init (AuftaktTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AuftaktPageClass *page_class = AUFTAKT_PAGE_CLASS (klass);

  object_class->dispose = auftakt_table_page_dispose;
  page_class->document_set = document_set;
  page_class->document_changed = document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-table-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTablePage, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "table.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "table.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "table.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "table.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.add", NULL);

  haystack_quark = g_quark_from_static_string ("auftakt-table-haystack");
}

static void
auftakt_table_page_init (AuftaktTablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
auftakt_table_page_new (GType item_type)
{
  AuftaktTablePage *self = g_object_new (AUFTAKT_TYPE_TABLE_PAGE, NULL);
  TypeInfo *info = get_type_info (item_type);
  GtkSorter *sorter;

  self->item_type = item_type;

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (sorter));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending", G_CALLBACK (update_state), self);

  for (guint i = 0; i < G_N_ELEMENTS (info->columns) && info->columns[i].title != NULL; i++)
    add_column (self, &info->columns[i], _(info->columns[i].title), NULL);

  g_object_set (self->search_entry, "placeholder-text", _(info->search), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->search), -1);
  gtk_widget_set_tooltip_text (self->add_button, _(info->add));
  gtk_widget_set_tooltip_text (self->edit_button, _("Edit Selected"));
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Selected"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->search), -1);
  adw_status_page_set_title (self->empty_page, _(info->empty_title));
  adw_status_page_set_description (self->empty_page, _(info->empty_description));
  adw_status_page_set_icon_name (self->empty_page, info->icon);
  gtk_button_set_label (GTK_BUTTON (self->empty_add_button), _(info->empty_button));
  g_object_set_data (G_OBJECT (self), "search-entry", self->search_entry);

  update_state (self);
  auftakt_window_name_controls (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

GType
auftakt_table_page_get_item_type (AuftaktTablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TABLE_PAGE (self), G_TYPE_INVALID);

  return self->item_type;
}

GtkEditable *
auftakt_table_page_get_search (AuftaktTablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TABLE_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

guint
auftakt_table_page_get_n_shown (AuftaktTablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TABLE_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

guint
auftakt_table_page_get_n_pending (AuftaktTablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TABLE_PAGE (self), 0);

  return gtk_filter_list_model_get_pending (self->filter_model);
}

GtkColumnView *
auftakt_table_page_get_column_view (AuftaktTablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TABLE_PAGE (self), NULL);

  return self->column_view;
}
