/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-page"

#include "config.h"

#include "auftakt-page.h"

typedef struct
{
  AuftaktDocument *document;
  gulong           changed_id;
} AuftaktPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AuftaktPage, auftakt_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
document_changed_cb (AuftaktPage *self)
{
  AuftaktPageClass *klass = AUFTAKT_PAGE_GET_CLASS (self);

  if (klass->document_changed != NULL)
    klass->document_changed (self);
}

static void
auftakt_page_dispose (GObject *object)
{
  auftakt_page_release_document (AUFTAKT_PAGE (object));

  G_OBJECT_CLASS (auftakt_page_parent_class)->dispose (object);
}

static void
auftakt_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AuftaktPage *self = AUFTAKT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, auftakt_page_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AuftaktPage *self = AUFTAKT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      auftakt_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_page_class_init (AuftaktPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = auftakt_page_dispose;
  object_class->get_property = auftakt_page_get_property;
  object_class->set_property = auftakt_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AUFTAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The pages' templates each hold one child that fills them. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
auftakt_page_init (AuftaktPage *self)
{
}

AuftaktDocument *
auftakt_page_get_document (AuftaktPage *self)
{
  AuftaktPagePrivate *priv = auftakt_page_get_instance_private (self);

  g_return_val_if_fail (AUFTAKT_IS_PAGE (self), NULL);

  return priv->document;
}

void
auftakt_page_set_document (AuftaktPage     *self,
                           AuftaktDocument *document)
{
  AuftaktPagePrivate *priv = auftakt_page_get_instance_private (self);
  AuftaktPageClass *klass;
  gboolean replaced;

  g_return_if_fail (AUFTAKT_IS_PAGE (self));
  g_return_if_fail (document == NULL || AUFTAKT_IS_DOCUMENT (document));

  klass = AUFTAKT_PAGE_GET_CLASS (self);
  if (priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);
  replaced = g_set_object (&priv->document, document);
  if (document != NULL)
    priv->changed_id = g_signal_connect_swapped (document, "changed",
                                                 G_CALLBACK (document_changed_cb), self);

  /* Setting the same document again shows it again, as a change would. */
  if (klass->document_set != NULL)
    klass->document_set (self);
  document_changed_cb (self);

  if (replaced)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
auftakt_page_release_document (AuftaktPage *self)
{
  AuftaktPagePrivate *priv = auftakt_page_get_instance_private (self);

  g_return_if_fail (AUFTAKT_IS_PAGE (self));

  if (priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);
  g_clear_object (&priv->document);
}
