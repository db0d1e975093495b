/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-timetable-page"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-document.h"
#include "auftakt-timetable-page.h"

struct _AuftaktTimetablePage
{
  GtkWidget parent_instance;

  AuftaktDocument *document;
};

G_DEFINE_FINAL_TYPE (AuftaktTimetablePage, auftakt_timetable_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_timetable_page_dispose (GObject *object)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->document);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (auftakt_timetable_page_parent_class)->dispose (object);
}

static void
auftakt_timetable_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_timetable_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_timetable_page_class_init (AuftaktTimetablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = auftakt_timetable_page_dispose;
  object_class->get_property = auftakt_timetable_page_get_property;
  object_class->set_property = auftakt_timetable_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AUFTAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
auftakt_timetable_page_init (AuftaktTimetablePage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Schedule Yet"));
  gtk_widget_set_parent (status, GTK_WIDGET (self));
}
