/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-item-editor.h"
#include "auftakt-util.h"
#include "auftakt-window.h"

typedef enum {
  FIELD_ID,
  FIELD_TEXT,
  FIELD_COUNT,        /* a positive whole number */
  FIELD_COUNT_OPT,    /* a positive whole number, or empty for -1 */
  FIELD_MIN_OPT,      /* zero or more, empty for 0 */
  FIELD_TIME,         /* HH:MM, or empty for -1 */
  FIELD_REFS,         /* ids of other items, separated by commas */
  FIELD_REF,          /* one other item, or none */
  FIELD_KIND,         /* an AuftaktAgendaKind */
  FIELD_COLOUR,       /* #rrggbb, or empty */
} FieldKind;

typedef struct {
  const char *property;
  const char *title;
  FieldKind   kind;
  gboolean    required;
  GType     (*ref_type) (void);
} FieldSpec;

typedef struct {
  const FieldSpec *spec;
  GtkWidget       *row;
  GtkWidget       *error_row;
  GtkLabel        *error_label;
  GPtrArray       *ref_ids;   /* FIELD_REF: id of each combo entry, NULL for none */
  char            *error;
} Field;

struct _AuftaktItemEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *group;

  AuftaktDocument *document;
  GType            item_type;
  GObject         *item;     /* NULL for a new one */
  GPtrArray       *bulk;     /* the items a bulk edit changes, or NULL */
  GPtrArray       *fields;   /* of Field */
};

G_DEFINE_FINAL_TYPE (AuftaktItemEditor, auftakt_item_editor, ADW_TYPE_WINDOW)

static const FieldSpec room_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "name", N_("Name"), FIELD_TEXT, TRUE },
  { "capacity", N_("Capacity (seats)"), FIELD_COUNT, TRUE },
  { "unavailable", N_("Unavailable in rounds (IDs)"), FIELD_REFS, FALSE, auftakt_round_get_type },
  { "description", N_("Description"), FIELD_TEXT },
  { NULL }
};

static const FieldSpec referee_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "name", N_("Name"), FIELD_TEXT, TRUE },
  { "organisation", N_("Organisation"), FIELD_TEXT },
  { "role", N_("Role"), FIELD_TEXT },
  { "email", N_("Email"), FIELD_TEXT },
  { "unavailable", N_("Unavailable in rounds (IDs)"), FIELD_REFS, FALSE, auftakt_round_get_type },
  { NULL }
};

static const FieldSpec participant_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "name", N_("Name"), FIELD_TEXT, TRUE },
  { "organisation", N_("Organisation"), FIELD_TEXT },
  { "email", N_("Email"), FIELD_TEXT },
  { "choices", N_("Choices (workshop IDs, best first)"), FIELD_REFS, FALSE,
    auftakt_workshop_get_type },
  { "unavailable", N_("Unavailable in rounds (IDs)"), FIELD_REFS, FALSE, auftakt_round_get_type },
  { NULL }
};

static const FieldSpec workshop_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "title", N_("Title"), FIELD_TEXT, TRUE },
  { "cluster", N_("Topic Cluster"), FIELD_REF, FALSE, auftakt_cluster_get_type },
  { "max", N_("Capacity (empty: as many as the room holds)"), FIELD_COUNT_OPT },
  { "min", N_("Minimum attendance"), FIELD_MIN_OPT },
  { "max-runs", N_("Sessions at most (empty: one per round)"), FIELD_COUNT_OPT },
  { "leads", N_("Led by (referee IDs)"), FIELD_REFS, FALSE, auftakt_referee_get_type },
  { "unavailable", N_("Unavailable in rounds (IDs)"), FIELD_REFS, FALSE, auftakt_round_get_type },
  { "description", N_("Description"), FIELD_TEXT },
  { NULL }
};

static const FieldSpec cluster_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "title", N_("Title"), FIELD_TEXT, TRUE },
  { "colour", N_("Colour (#rrggbb)"), FIELD_COLOUR },
  { "description", N_("Description"), FIELD_TEXT },
  { NULL }
};

static const FieldSpec agenda_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "number", N_("Number"), FIELD_TEXT },
  { "title", N_("Title"), FIELD_TEXT, TRUE },
  { "kind", N_("Kind"), FIELD_KIND },
  { "start", N_("Start (HH:MM)"), FIELD_TIME },
  { "end", N_("End (HH:MM)"), FIELD_TIME },
  { "room", N_("Room"), FIELD_REF, FALSE, auftakt_room_get_type },
  { "round", N_("Workshop round"), FIELD_REF, FALSE, auftakt_round_get_type },
  { "speakers", N_("Speakers (referee IDs)"), FIELD_REFS, FALSE, auftakt_referee_get_type },
  { "description", N_("Description"), FIELD_TEXT },
  { NULL }
};

static const FieldSpec round_fields[] = {
  { "id", N_("ID"), FIELD_ID, TRUE },
  { "title", N_("Title"), FIELD_TEXT },
  { "start", N_("Start (HH:MM)"), FIELD_TIME },
  { "end", N_("End (HH:MM)"), FIELD_TIME },
  { NULL }
};

typedef struct {
  GType     (*type) (void);
  const FieldSpec *fields;
  const char *new_title;
  const char *edit_title;
  const char *id_prefix;
} Kind;

static const Kind kinds[] = {
  { auftakt_room_get_type, room_fields, N_("New Room"), N_("Edit Room"), "room" },
  { auftakt_referee_get_type, referee_fields, N_("New Referee"), N_("Edit Referee"), "ref" },
  { auftakt_participant_get_type, participant_fields, N_("New Participant"),
    N_("Edit Participant"), "p" },
  { auftakt_workshop_get_type, workshop_fields, N_("New Workshop"), N_("Edit Workshop"), "W" },
  { auftakt_cluster_get_type, cluster_fields, N_("New Topic Cluster"),
    N_("Edit Topic Cluster"), "C" },
  { auftakt_agenda_item_get_type, agenda_fields, N_("New Agenda Item"),
    N_("Edit Agenda Item"), "A" },
  { auftakt_round_get_type, round_fields, N_("New Round"), N_("Edit Round"), "R" },
};

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->ref_ids, g_ptr_array_unref);
  g_free (field->error);
  g_free (field);
}

static Field *
find_field (AuftaktItemEditor *self,
            const char        *property)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->property, property))
        return field;
    }
  return NULL;
}

/* One whole sentence per kind of item: other languages inflect the noun
 * and what goes with it. */
static char *
unknown_id_message (GType       type,
                    const char *id)
{
  if (type == AUFTAKT_TYPE_ROUND)
    return g_strdup_printf (_("No round has the ID “%s”: it may have been deleted"), id);
  if (type == AUFTAKT_TYPE_WORKSHOP)
    return g_strdup_printf (_("No workshop has the ID “%s”: it may have been deleted"), id);
  if (type == AUFTAKT_TYPE_REFEREE)
    return g_strdup_printf (_("No referee has the ID “%s”: it may have been deleted"), id);
  if (type == AUFTAKT_TYPE_ROOM)
    return g_strdup_printf (_("No room has the ID “%s”: it may have been deleted"), id);
  return g_strdup_printf (_("Nothing has the ID “%s”: it may have been deleted"), id);
}

static char **
split_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ", ;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
id_exists (AuftaktItemEditor *self,
           GType              type,
           const char        *id)
{
  AuftaktEvent *event = auftakt_document_get_event (self->document);

  if (type == AUFTAKT_TYPE_ROUND)
    return auftakt_event_find_round (event, id) != NULL;
  if (type == AUFTAKT_TYPE_ROOM)
    return auftakt_event_find_room (event, id) != NULL;
  if (type == AUFTAKT_TYPE_CLUSTER)
    return auftakt_event_find_cluster (event, id) != NULL;
  if (type == AUFTAKT_TYPE_REFEREE)
    return auftakt_event_find_referee (event, id) != NULL;
  if (type == AUFTAKT_TYPE_WORKSHOP)
    return auftakt_event_find_workshop (event, id) != NULL;
  if (type == AUFTAKT_TYPE_PARTICIPANT)
    return auftakt_event_find_participant (event, id) != NULL;
  if (type == AUFTAKT_TYPE_AGENDA_ITEM)
    return auftakt_event_find_agenda_item (event, id) != NULL;
  return FALSE;
}

static char *
validate_field (AuftaktItemEditor *self,
                Field             *field)
{
  const FieldSpec *spec = field->spec;
  const char *text;
  int value;

  if (!GTK_IS_EDITABLE (field->row))
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (field->row));

  /* In a bulk edit an empty field leaves the items as they are. */
  if (self->bulk != NULL && *text == '\0')
    return NULL;

  switch (spec->kind)
    {
    case FIELD_ID:
      if (self->item != NULL)
        return NULL;
      if (*text == '\0')
        return g_strdup (_("Enter an ID: it names the item in files and other lists"));
      for (const char *p = text; *p; p++)
        if (g_ascii_isspace (*p) || *p == ',' || *p == ';')
          return g_strdup (_("An ID cannot contain spaces, commas or semicolons"));
      if (id_exists (self, self->item_type, text))
        return g_strdup_printf (_("The ID “%s” is already taken"), text);
      return NULL;

    case FIELD_TEXT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        if (spec->required && *stripped == '\0')
          return g_strdup (_("This field cannot be empty"));
        return NULL;
      }

    case FIELD_COUNT:
      if (!auftakt_parse_count (text, &value) || value <= 0)
        return g_strdup_printf (_("“%s” is not a positive whole number: enter the number of "
                                  "seats, such as 30"), text);
      return NULL;

    case FIELD_COUNT_OPT:
      if (*text == '\0')
        return NULL;
      if (!auftakt_parse_count (text, &value) || value <= 0)
        return g_strdup_printf (_("“%s” is not a positive whole number: enter a number such "
                                  "as 30, or leave the field empty"), text);
      return NULL;

    case FIELD_MIN_OPT:
      if (*text == '\0')
        return NULL;
      if (!auftakt_parse_count (text, &value) || value < 0)
        return g_strdup_printf (_("“%s” is not a whole number of zero or more"), text);
      return NULL;

    case FIELD_TIME:
      if (*text == '\0')
        return NULL;
      if (!auftakt_parse_minutes (text, &value))
        return g_strdup_printf (_("“%s” is not a time: enter hours and minutes, such as 13:30"),
                                text);
      return NULL;

    case FIELD_REFS:
      {
        g_auto(GStrv) ids = split_ids (text);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            if (!id_exists (self, spec->ref_type (), ids[i]))
              return unknown_id_message (spec->ref_type (), ids[i]);
            if (!g_hash_table_add (seen, ids[i]))
              return g_strdup_printf (_("“%s” is named twice"), ids[i]);
          }
        return NULL;
      }

    case FIELD_COLOUR:
      {
        GdkRGBA rgba;

        if (*text == '\0' || (text[0] == '#' && strlen (text) == 7 && gdk_rgba_parse (&rgba, text)))
          return NULL;
        return g_strdup_printf (_("“%s” is not a colour: enter it as #rrggbb, such as #3584e4"),
                                text);
      }

    case FIELD_REF:
    case FIELD_KIND:
    default:
      return NULL;
    }
}

static void
validate (AuftaktItemEditor *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_clear_pointer (&field->error, g_free);
      field->error = validate_field (self, field);
      gtk_widget_set_visible (field->error_row, field->error != NULL);
      gtk_label_set_text (field->error_label, field->error ? field->error : "");
      if (field->error != NULL)
        {
          gtk_widget_add_css_class (field->row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (field->row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          valid = FALSE;
        }
      else
        {
          gtk_widget_remove_css_class (field->row, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
}

static char *
value_as_text (GObject         *item,
               const FieldSpec *spec)
{
  switch (spec->kind)
    {
    case FIELD_ID:
    case FIELD_TEXT:
    case FIELD_COLOUR:
      {
        char *text = NULL;

        g_object_get (item, spec->property, &text, NULL);
        return text;
      }

    case FIELD_COUNT:
    case FIELD_COUNT_OPT:
    case FIELD_MIN_OPT:
      {
        int value;

        g_object_get (item, spec->property, &value, NULL);
        return value < 0 || (value == 0 && spec->kind == FIELD_MIN_OPT)
               ? NULL : g_strdup_printf ("%d", value);
      }

    case FIELD_TIME:
      {
        int value;

        g_object_get (item, spec->property, &value, NULL);
        return auftakt_format_minutes (value);
      }

    case FIELD_REFS:
      {
        g_auto(GStrv) ids = NULL;

        g_object_get (item, spec->property, &ids, NULL);
        return ids ? g_strjoinv (", ", ids) : NULL;
      }

    case FIELD_REF:
    case FIELD_KIND:
    default:
      return NULL;
    }
}

static GtkWidget *
create_ref_row (AuftaktItemEditor *self,
                Field             *field,
                const char        *current)
{
  GListModel *items = G_LIST_MODEL (auftakt_document_get_list (self->document,
                                                               field->spec->ref_type ()));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  field->ref_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("None"));
  g_ptr_array_add (field->ref_ids, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *label = NULL;

      g_object_get (item, "id", &id, NULL);
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title"))
        g_object_get (item, "title", &title, NULL);
      else
        g_object_get (item, "name", &title, NULL);
      label = title && *title ? g_strdup_printf ("%s (%s)", title, id) : g_strdup (id);
      gtk_string_list_append (names, label);
      if (g_strcmp0 (id, current) == 0)
        selected = field->ref_ids->len;
      g_ptr_array_add (field->ref_ids, g_steal_pointer (&id));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static GtkWidget *
create_kind_row (AuftaktAgendaKind current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i <= AUFTAKT_AGENDA_KIND_LAST; i++)
    gtk_string_list_append (names, auftakt_agenda_kind_get_label (i));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), current);
  return row;
}

/* What a bulk edit can set on many items at once. */
static gboolean
is_bulk_field (const FieldSpec *spec)
{
  const char *properties[] = { "capacity", "organisation", "role", "unavailable", NULL };

  return g_strv_contains (properties, spec->property);
}

static void
build_fields (AuftaktItemEditor *self,
              const FieldSpec   *specs,
              const char        *id_prefix)
{
  for (guint i = 0; specs[i].property != NULL; i++)
    {
      const FieldSpec *spec = &specs[i];
      Field *field;
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (self->bulk != NULL && !is_bulk_field (spec))
        continue;
      field = g_new0 (Field, 1);
      field->spec = spec;

      if (spec->kind == FIELD_REF)
        {
          g_autofree char *current = NULL;

          if (self->item != NULL)
            g_object_get (self->item, spec->property, &current, NULL);
          field->row = create_ref_row (self, field, current);
        }
      else if (spec->kind == FIELD_KIND)
        field->row = create_kind_row (self->item ? auftakt_agenda_item_get_kind (
                                        AUFTAKT_AGENDA_ITEM (self->item))
                                      : AUFTAKT_AGENDA_KIND_TALK);
      else if (spec->kind == FIELD_ID && self->item != NULL)
        {
          g_autofree char *id = value_as_text (self->item, spec);

          /* An item keeps its ID: others refer to it. */
          field->row = adw_action_row_new ();
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), id);
          gtk_widget_add_css_class (field->row, "property");
        }
      else
        {
          field->row = adw_entry_row_new ();
          if (self->item != NULL)
            text = value_as_text (self->item, spec);
          else if (spec->kind == FIELD_ID)
            text = auftakt_document_make_id (self->document, self->item_type, id_prefix);
          gtk_editable_set_text (GTK_EDITABLE (field->row), text ? text : "");
          g_signal_connect_swapped (field->row, "changed", G_CALLBACK (validate), self);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row),
                                     g_dgettext (GETTEXT_PACKAGE, spec->title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_dgettext (GETTEXT_PACKAGE, spec->title), -1);
      gtk_widget_set_name (field->row, spec->property);
      adw_preferences_group_add (self->group, field->row);

      /* The message sits in a row of its own right under its field. */
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "error");
      field->error_label = GTK_LABEL (label);
      field->error_row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), label);
      gtk_widget_set_visible (field->error_row, FALSE);
      adw_preferences_group_add (self->group, field->error_row);

      g_ptr_array_add (self->fields, field);
    }
}

static void
apply_field (AuftaktItemEditor *self,
             Field             *field,
             GObject           *item)
{
  const FieldSpec *spec = field->spec;
  const char *text = GTK_IS_EDITABLE (field->row)
                     ? gtk_editable_get_text (GTK_EDITABLE (field->row)) : "";
  int value = -1;

  if (self->bulk != NULL && *text == '\0')
    return;

  switch (spec->kind)
    {
    case FIELD_ID:
      /* Set at construction: see auftakt_item_editor_save(). */
      break;

    case FIELD_TEXT:
    case FIELD_COLOUR:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        g_object_set (item, spec->property, *stripped ? stripped : NULL, NULL);
      }
      break;

    case FIELD_COUNT:
    case FIELD_COUNT_OPT:
      if (*text == '\0' || !auftakt_parse_count (text, &value))
        value = -1;
      g_object_set (item, spec->property, value, NULL);
      break;

    case FIELD_MIN_OPT:
      if (*text == '\0' || !auftakt_parse_count (text, &value))
        value = 0;
      g_object_set (item, spec->property, value, NULL);
      break;

    case FIELD_TIME:
      if (*text == '\0' || !auftakt_parse_minutes (text, &value))
        value = -1;
      g_object_set (item, spec->property, value, NULL);
      break;

    case FIELD_REFS:
      {
        g_auto(GStrv) ids = split_ids (text);

        g_object_set (item, spec->property, ids, NULL);
      }
      break;

    case FIELD_REF:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        g_object_set (item, spec->property,
                      selected < field->ref_ids->len
                      ? g_ptr_array_index (field->ref_ids, selected) : NULL,
                      NULL);
      }
      break;

    case FIELD_KIND:
      g_object_set (item, spec->property,
                    (int) adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)), NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AuftaktItemEditor *self = AUFTAKT_ITEM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!auftakt_item_editor_save (self, &error))
    {
      /* The form stays open so that nothing typed is lost. */
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
auftakt_item_editor_dispose (GObject *object)
{
  AuftaktItemEditor *self = AUFTAKT_ITEM_EDITOR (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->bulk, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_ITEM_EDITOR);

  G_OBJECT_CLASS (auftakt_item_editor_parent_class)->dispose (object);
}

static void
auftakt_item_editor_class_init (AuftaktItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = auftakt_item_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AuftaktItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktItemEditor, group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
auftakt_item_editor_init (AuftaktItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

/* A form for @item_type in @document, for @item or the @bulk items (or a
 * new one), its fields built; *@kind is the kind it edits, NULL for a type
 * without a form. */
static AuftaktItemEditor *
editor_new (AuftaktDocument  *document,
            GType             item_type,
            GObject          *item,
            GPtrArray        *bulk,
            const Kind      **kind)
{
  AuftaktItemEditor *self = g_object_new (AUFTAKT_TYPE_ITEM_EDITOR, NULL);

  self->document = g_object_ref (document);
  self->item_type = item_type;
  self->item = item ? g_object_ref (item) : NULL;
  self->bulk = bulk ? g_ptr_array_ref (bulk) : NULL;

  *kind = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].type () == item_type)
      {
        *kind = &kinds[i];
        build_fields (self, kinds[i].fields, kinds[i].id_prefix);
      }
  return self;
}

/* Titles the form and its save button, and checks the fields as they are. */
static GtkWidget *
editor_finish (AuftaktItemEditor *self,
               const char        *title,
               const char        *save_label)
{
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);
  validate (self);
  auftakt_window_name_controls (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

GtkWidget *
auftakt_item_editor_new (AuftaktDocument *document,
                         GType            item_type,
                         GObject         *item)
{
  AuftaktItemEditor *self;
  const Kind *kind;
  const char *title = NULL;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (document), NULL);

  self = editor_new (document, item_type, item, NULL, &kind);
  if (kind != NULL)
    title = item ? _(kind->edit_title) : _(kind->new_title);
  return editor_finish (self, title, item ? _("_Save") : _("_Add"));
}

GtkWidget *
auftakt_item_editor_new_bulk (AuftaktDocument *document,
                              GType            item_type,
                              GPtrArray       *items)
{
  AuftaktItemEditor *self;
  const Kind *kind;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (items != NULL && items->len > 0, NULL);

  self = editor_new (document, item_type, NULL, items, &kind);
  /* Translators: the title of a form that changes several rows at once */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Item", "Edit %u Items",
                                        items->len),
                           items->len);
  adw_window_title_set_subtitle (self->window_title, _("Empty fields stay as they are"));
  return editor_finish (self, title, _("_Save"));
}

void
auftakt_item_editor_set_text (AuftaktItemEditor *self,
                              const char        *property,
                              const char        *text)
{
  Field *field;

  g_return_if_fail (AUFTAKT_IS_ITEM_EDITOR (self));

  field = find_field (self, property);
  g_return_if_fail (field != NULL && GTK_IS_EDITABLE (field->row));
  gtk_editable_set_text (GTK_EDITABLE (field->row), text);
}

gboolean
auftakt_item_editor_is_valid (AuftaktItemEditor *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ITEM_EDITOR (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (((Field *) g_ptr_array_index (self->fields, i))->error != NULL)
      return FALSE;
  return TRUE;
}

const char *
auftakt_item_editor_get_error (AuftaktItemEditor *self,
                               const char        *property)
{
  Field *field;

  g_return_val_if_fail (AUFTAKT_IS_ITEM_EDITOR (self), NULL);

  field = find_field (self, property);
  return field ? field->error : NULL;
}

gboolean
auftakt_item_editor_save (AuftaktItemEditor  *self,
                          GError            **error)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (AUFTAKT_IS_ITEM_EDITOR (self), FALSE);

  if (!auftakt_item_editor_is_valid (self))
    {
      g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_INVALID,
                   _("Correct the fields marked in red first"));
      return FALSE;
    }

  if (self->bulk != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->bulk->len; i++)
        {
          GObject *copy = auftakt_document_copy_item (g_ptr_array_index (self->bulk, i));

          for (guint f = 0; f < self->fields->len; f++)
            apply_field (self, g_ptr_array_index (self->fields, f), copy);
          g_ptr_array_add (items, copy);
        }
      return auftakt_document_save_items (self->document, items, _("Edit"), error);
    }

  if (self->item != NULL)
    item = auftakt_document_copy_item (self->item);
  else
    {
      Field *id = find_field (self, "id");

      g_return_val_if_fail (id != NULL, FALSE);
      item = g_object_new (self->item_type,
                           "id", gtk_editable_get_text (GTK_EDITABLE (id->row)),
                           NULL);
    }
  for (guint i = 0; i < self->fields->len; i++)
    apply_field (self, g_ptr_array_index (self->fields, i), item);

  return auftakt_document_save_item (self->document, item, error);
}
