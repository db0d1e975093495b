/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-workshops-page"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-document.h"
#include "auftakt-page-util.h"
#include "auftakt-window.h"
#include "auftakt-workshops-page.h"

/* The workshops, one group per topic cluster (GTK 4.8 list views have no
 * section headers); an event has tens of workshops, not thousands. */
struct _AuftaktWorkshopsPage
{
  AuftaktPage parent_instance;

  GtkLabel           *count_label;
  GtkStack           *stack;
  AdwPreferencesPage *page;

  GPtrArray          *groups;
};

G_DEFINE_FINAL_TYPE (AuftaktWorkshopsPage, auftakt_workshops_page, AUFTAKT_TYPE_PAGE)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *colour = user_data;
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
auftakt_colour_swatch_new (const char *colour)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch,
                                  g_strdup (colour), g_free);
  return area;
}

static char *
describe_workshop (AuftaktWorkshopsPage *self,
                   AuftaktWorkshop      *workshop)
{
  AuftaktEvent *event =
    auftakt_document_get_event (auftakt_page_get_document (AUFTAKT_PAGE (self)));
  const char * const *leads = auftakt_workshop_get_leads (workshop);
  g_autoptr(GString) text = g_string_new (auftakt_workshop_get_id (workshop));

  if (leads[0] != NULL)
    {
      g_string_append (text, " · ");
      for (guint i = 0; leads[i] != NULL; i++)
        {
          AuftaktReferee *referee = auftakt_event_find_referee (event, leads[i]);

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, referee && auftakt_referee_get_name (referee)
                                 ? auftakt_referee_get_name (referee) : leads[i]);
        }
    }
  if (auftakt_workshop_get_max (workshop) > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("up to %d"), auftakt_workshop_get_max (workshop));
    }
  g_string_append (text, " · ");
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%d session at most",
                                       "%d sessions at most",
                                       auftakt_event_get_workshop_max_runs (event, workshop)),
                          auftakt_event_get_workshop_max_runs (event, workshop));

  return g_markup_escape_text (text->str, -1);
}

static AdwPreferencesGroup *
add_group (AuftaktWorkshopsPage *self,
           AuftaktCluster       *cluster)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (cluster != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *title = g_markup_escape_text (auftakt_cluster_get_title (cluster)
                                                     ? auftakt_cluster_get_title (cluster)
                                                     : auftakt_cluster_get_id (cluster), -1);
      g_autofree char *description = auftakt_cluster_get_description (cluster)
        ? g_markup_escape_text (auftakt_cluster_get_description (cluster), -1) : NULL;

      adw_preferences_group_set_title (group, title);
      adw_preferences_group_set_description (group, description);
      gtk_box_append (GTK_BOX (box), auftakt_colour_swatch_new (auftakt_cluster_get_colour (cluster)));
      gtk_box_append (GTK_BOX (box),
                      auftakt_page_edit_button_new (GTK_WIDGET (self), G_OBJECT (cluster),
                                                    _("Edit Cluster")));
      gtk_box_append (GTK_BOX (box),
                      auftakt_page_delete_button_new (GTK_WIDGET (self), G_OBJECT (cluster),
                                                      _("Delete Cluster")));
      adw_preferences_group_set_header_suffix (group, box);
    }
  else
    adw_preferences_group_set_title (group, _("Without Cluster"));

  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_workshop_row (AuftaktWorkshopsPage *self,
                  AdwPreferencesGroup  *group,
                  AuftaktWorkshop      *workshop)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (auftakt_workshop_get_title (workshop)
                                                 ? auftakt_workshop_get_title (workshop)
                                                 : auftakt_workshop_get_id (workshop), -1);
  g_autofree char *subtitle = describe_workshop (self, workshop);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  auftakt_page_add_item_buttons (GTK_WIDGET (self), ADW_ACTION_ROW (row), G_OBJECT (workshop),
                                 _("Edit Workshop"), _("Delete Workshop"));
  adw_preferences_group_add (group, row);
}

static void
refresh (AuftaktPage *page)
{
  AuftaktWorkshopsPage *self = AUFTAKT_WORKSHOPS_PAGE (page);
  AuftaktDocument *document = auftakt_page_get_document (page);
  AuftaktEvent *event;
  GListModel *clusters, *workshops;
  guint n_workshops;
  g_autofree char *count = NULL;
  g_autoptr(GHashTable) by_cluster = NULL;
  AdwPreferencesGroup *none = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.add", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.add-cluster", document != NULL);
  if (document == NULL)
    return;

  event = auftakt_document_get_event (document);
  clusters = G_LIST_MODEL (auftakt_event_get_clusters (event));
  workshops = G_LIST_MODEL (auftakt_event_get_workshops (event));
  n_workshops = g_list_model_get_n_items (workshops);

  by_cluster = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AuftaktCluster) cluster = g_list_model_get_item (clusters, i);

      g_hash_table_insert (by_cluster, (gpointer) auftakt_cluster_get_id (cluster),
                           add_group (self, cluster));
    }

  for (guint i = 0; i < n_workshops; i++)
    {
      g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (workshops, i);
      const char *cluster = auftakt_workshop_get_cluster (workshop);
      AdwPreferencesGroup *group = cluster ? g_hash_table_lookup (by_cluster, cluster) : NULL;

      if (group == NULL)
        {
          if (none == NULL)
            none = add_group (self, NULL);
          group = none;
        }
      add_workshop_row (self, group, workshop);
    }

  {
    guint n_clusters = g_list_model_get_n_items (clusters);
    g_autofree char *workshop_text = NULL;
    g_autofree char *cluster_text = NULL;

    workshop_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workshop", "%u workshops",
                                                  n_workshops), n_workshops);
    cluster_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u cluster",
                                                 "in %u clusters", n_clusters), n_clusters);
    /* Translators: "12 workshops" and "in 3 clusters", above the list */
    count = g_strdup_printf (C_("workshop count", "%s %s"), workshop_text, cluster_text);
  }
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack,
                                    n_workshops > 0 || g_list_model_get_n_items (clusters) > 0
                                    ? "list" : "empty");
  auftakt_window_name_controls (GTK_WIDGET (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  auftakt_page_open_editor (widget,
                            g_str_equal (action_name, "workshops.add-cluster")
                            ? AUFTAKT_TYPE_CLUSTER : AUFTAKT_TYPE_WORKSHOP,
                            NULL);
}

static void
auftakt_workshops_page_dispose (GObject *object)
{
  AuftaktWorkshopsPage *self = AUFTAKT_WORKSHOPS_PAGE (object);

  auftakt_page_release_document (AUFTAKT_PAGE (self));
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_WORKSHOPS_PAGE);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (auftakt_workshops_page_parent_class)->dispose (object);
}

static void
auftakt_workshops_page_class_init (AuftaktWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AuftaktPageClass *page_class = AUFTAKT_PAGE_CLASS (klass);

  object_class->dispose = auftakt_workshops_page_dispose;
  page_class->document_changed = refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktWorkshopsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWorkshopsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktWorkshopsPage, page);

  gtk_widget_class_install_action (widget_class, "workshops.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "workshops.add-cluster", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "workshops.add", NULL);
}

static void
auftakt_workshops_page_init (AuftaktWorkshopsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  refresh (AUFTAKT_PAGE (self));
}
