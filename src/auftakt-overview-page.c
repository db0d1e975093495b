/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-overview-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "auftakt-document.h"
#include "auftakt-overview-page.h"
#include "auftakt-page-util.h"

/* The event's own fields and the state of the plan at a glance. */
struct _AuftaktOverviewPage
{
  AuftaktPage parent_instance;

  GtkWidget           *page;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  GtkWidget           *date_error;
  AdwEntryRow         *venue_row;
  AdwPreferencesGroup *counts_group;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  GtkWidget           *first_row;
  GtkWidget           *top_k_row;
  GtkWidget           *unranked_row;
  GtkLabel            *first_label;
  GtkLabel            *top_k_label;
  GtkLabel            *unranked_label;
  GtkLabel            *count_labels[7];

};

G_DEFINE_FINAL_TYPE (AuftaktOverviewPage, auftakt_overview_page, AUFTAKT_TYPE_PAGE)

static const struct {
  const char *title;
  const char *section;
} counts[] = {
  { N_("Workshop Rounds"), "agenda" },
  { N_("Agenda Items"), "agenda" },
  { N_("Rooms"), "rooms" },
  { N_("Topic Clusters"), "workshops" },
  { N_("Workshops"), "workshops" },
  { N_("Referees"), "referees" },
  { N_("Participants"), "participants" },
};

static char *
format_share (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup ("–");
  /* Translators: a count and its share of all participants */
  return g_strdup_printf (_("%u (%.0f %%)"), part, 100.0 * part / whole);
}

static gboolean
date_is_valid (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL && strlen (text) == 10;
}

static void
refresh (AuftaktPage *page)
{
  AuftaktOverviewPage *self = AUFTAKT_OVERVIEW_PAGE (page);
  AuftaktDocument *document = auftakt_page_get_document (page);
  AuftaktEvent *event;
  AuftaktCheckReport *report;
  GListStore *lists[7];

  if (document == NULL)
    return;

  event = auftakt_document_get_event (document);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         auftakt_event_get_title (event) ? auftakt_event_get_title (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         auftakt_event_get_date (event) ? auftakt_event_get_date (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->venue_row),
                         auftakt_event_get_venue (event) ? auftakt_event_get_venue (event) : "");

  lists[0] = auftakt_event_get_rounds (event);
  lists[1] = auftakt_event_get_agenda (event);
  lists[2] = auftakt_event_get_rooms (event);
  lists[3] = auftakt_event_get_clusters (event);
  lists[4] = auftakt_event_get_workshops (event);
  lists[5] = auftakt_event_get_referees (event);
  lists[6] = auftakt_event_get_participants (event);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text =
        g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (lists[i])));

      gtk_label_set_text (self->count_labels[i], text);
    }

  report = auftakt_document_get_report (document);
  gtk_widget_set_visible (self->first_row, report != NULL);
  gtk_widget_set_visible (self->top_k_row, report != NULL);
  gtk_widget_set_visible (self->unranked_row, report != NULL);
  if (report == NULL)
    {
      adw_action_row_set_subtitle (self->status_row,
                                   _("No schedule yet: create one in the timetable"));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-information-symbolic");
      return;
    }

  if (report->valid)
    {
      g_autofree char *text =
        g_strdup_printf (_("Valid: every hard rule is kept (cost %" PRId64 ")"),
                         report->cost);

      adw_action_row_set_subtitle (self->status_row, text);
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
    }
  else
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u rule is broken: see the timetable",
                                      "%u rules are broken: see the timetable",
                                      report->violations->len),
                         report->violations->len);

      adw_action_row_set_subtitle (self->status_row, text);
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
    }

  {
    g_autofree char *first = format_share (report->n_first_choice, report->n_participants);
    g_autofree char *top_k = format_share (report->n_top_k, report->n_participants);
    g_autofree char *unranked = format_share (report->n_unranked, report->n_participants);

    gtk_label_set_text (self->first_label, first);
    gtk_label_set_text (self->top_k_label, top_k);
    gtk_label_set_text (self->unranked_label, unranked);
  }
}

static void
apply_cb (AuftaktOverviewPage *self)
{
  AuftaktDocument *document = auftakt_page_get_document (AUFTAKT_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (document == NULL || !date_is_valid (date))
    return;

  if (!auftakt_document_save_event_properties (
         document,
         gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
         *date ? date : NULL,
         gtk_editable_get_text (GTK_EDITABLE (self->venue_row)),
         &error))
    auftakt_page_show_error (GTK_WIDGET (self), error);
}

static void
date_changed_cb (AuftaktOverviewPage *self)
{
  gboolean valid = date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));

  gtk_widget_set_visible (self->date_error, !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
auftakt_overview_page_dispose (GObject *object)
{
  AuftaktOverviewPage *self = AUFTAKT_OVERVIEW_PAGE (object);

  auftakt_page_set_document (AUFTAKT_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_OVERVIEW_PAGE);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (auftakt_overview_page_parent_class)->dispose (object);
}

static void
auftakt_overview_page_class_init (AuftaktOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AuftaktPageClass *page_class = AUFTAKT_PAGE_CLASS (klass);

  object_class->dispose = auftakt_overview_page_dispose;
  page_class->document_changed = refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, page);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, date_error);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, counts_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, first_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, top_k_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, unranked_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, first_label);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, top_k_label);
  gtk_widget_class_bind_template_child (widget_class, AuftaktOverviewPage, unranked_label);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
}

static void
auftakt_overview_page_init (AuftaktOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new ("0");
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(counts[i].title));
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", counts[i].section);
      adw_preferences_group_add (self->counts_group, row);
      self->count_labels[i] = GTK_LABEL (label);
    }
}
