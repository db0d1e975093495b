/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-xml-reader"

#include "config.h"

#include "auftakt-xml-reader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "auftakt-core-resources.h"
#include "auftakt-util.h"

/* Reads the exchange format of shared/bench/FORMAT.md, version 1, with
 * Auftakt's extensions (namespace urn:auftakt:1).  An event is read all or
 * nothing: the file is parsed, validated against data/auftakt-event.xsd, then
 * checked for what a schema cannot say (unique ids, references, ranks), and
 * only a file without any problem becomes an AuftaktEvent.  Every problem is
 * reported as "FILE:LINE: message" with the line an editor shows. */

#define SCHEMA_RESOURCE "/io/github/auftakt/Auftakt/core/auftakt-event.xsd"

/* The error message lists at most this many problems, then a count. */
#define MAX_REPORTED 20

typedef struct
{
  long             line;     /* 0: the problem has no line */
  guint            seq;
  AuftaktXmlError  code;
  char            *message;
} Problem;

typedef struct
{
  const char *path;
  GArray     *problems;  /* of Problem */
  GPtrArray  *pool;      /* strings that live as long as the reader */
} Reader;

typedef enum
{
  KIND_ROUND,
  KIND_ROOM,
  KIND_CLUSTER,
  KIND_REFEREE,
  KIND_WORKSHOP,
  KIND_PARTICIPANT,
  KIND_AGENDA_ITEM,
  N_KINDS
} Kind;

/* The element name of each kind, as the format spells it. */
static const char * const kind_elements[N_KINDS] = {
  "round", "room", "cluster", "referee", "workshop", "participant", "a:item",
};

/* An id that must name an element of the event; resolved once every element
 * is known, since the children of <event> come in any order. */
typedef struct
{
  Kind        kind;
  const char *attribute;
  const char *id;
  xmlNode    *node;
} Ref;

typedef struct
{
  Reader        reader;
  GHashTable   *ids[N_KINDS];    /* id → xmlNode of its element */
  GPtrArray    *items[N_KINDS];  /* the objects, in document order */
  GArray       *refs;            /* of Ref */
  GHashTable   *scratch;         /* reused per participant / workshop */
  AuftaktEvent *event;
  gboolean      has_agenda;
  gboolean      has_description;
} EventBuilder;

G_DEFINE_QUARK (auftakt-xml-error-quark, auftakt_xml_error)

static void
clear_problem (gpointer data)
{
  Problem *problem = data;

  g_clear_pointer (&problem->message, g_free);
}

static void
reader_init (Reader     *reader,
             const char *path)
{
  reader->path = path;
  reader->problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (reader->problems, clear_problem);
  reader->pool = g_ptr_array_new_with_free_func (g_free);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->problems, g_array_unref);
  g_clear_pointer (&reader->pool, g_ptr_array_unref);
}

/* The line an editor shows for the element a node belongs to. */
static long
node_line (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->parent;

  if (node == NULL)
    return 0;

  /* set by start_element_ns(); node->line stops at 65535 */
  if (node->_private != NULL)
    return (long) GPOINTER_TO_SIZE (node->_private);

  return xmlGetLineNo (node);
}

static void
add_problem_at (Reader          *reader,
                long             line,
                AuftaktXmlError  code,
                char            *message)
{
  Problem problem;

  problem.line = line;
  problem.seq = reader->problems->len;
  problem.code = code;
  problem.message = message;
  g_array_append_val (reader->problems, problem);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (Reader          *reader,
             xmlNode         *node,
             AuftaktXmlError  code,
             const char      *format,
             ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem_at (reader, node_line (node), code, message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;

  return pa->seq < pb->seq ? -1 : (pa->seq > pb->seq);
}

static char *
format_problem (Reader        *reader,
                const Problem *problem)
{
  if (problem->line > 0)
    return g_strdup_printf ("%s:%ld: %s", reader->path, problem->line, problem->message);

  return g_strdup_printf ("%s: %s", reader->path, problem->message);
}

/* Turns the problems into one error, a line each, in the order of the file. */
static void
raise_problems (Reader  *reader,
                GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = reader->problems->len;
  guint shown = MIN (n, MAX_REPORTED);
  AuftaktXmlError code;

  g_assert (n > 0);

  g_array_sort (reader->problems, compare_problems);
  code = g_array_index (reader->problems, Problem, 0).code;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = format_problem (reader, &g_array_index (reader->problems,
                                                                      Problem, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (n > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more problem",
                                                            "%u more problems",
                                                            n - shown),
                                               n - shown);

      g_string_append_printf (text, "\n%s: %s", reader->path, more);
    }

  g_set_error_literal (error, AUFTAKT_XML_ERROR, code, text->str);
}

static const char *
pool_take (Reader *reader,
           char   *str)
{
  g_ptr_array_add (reader->pool, str);
  return str;
}

static const char *
pool_take_xml (Reader  *reader,
               xmlChar *str)
{
  char *copy = g_strdup (str != NULL ? (const char *) str : "");

  xmlFree (str);
  return pool_take (reader, copy);
}

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, AUFTAKT_XML_NAMESPACE) == 0;
}

/* A version 1 element: no namespace. */
static gboolean
is_plain (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_ext (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && is_ours (node) &&
         strcmp ((const char *) node->name, name) == 0;
}

/* The element's name as written, with its prefix. */
static const char *
element_name (Reader  *reader,
              xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return pool_take (reader, g_strdup_printf ("%s:%s", node->ns->prefix, node->name));

  return (const char *) node->name;
}

static const char *
attr_value (Reader  *reader,
            xmlAttr *attr)
{
  xmlNode *child = attr->children;

  if (child == NULL)
    return "";

  /* the common case: borrow the text from the tree */
  if (child->next == NULL && child->type == XML_TEXT_NODE && child->content != NULL)
    return (const char *) child->content;

  return pool_take_xml (reader, xmlNodeListGetString (attr->doc, child, 1));
}

/* A version 1 attribute (no namespace), or NULL if absent. */
static const char *
get_attr (Reader     *reader,
          xmlNode    *node,
          const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && strcmp ((const char *) attr->name, name) == 0)
      return attr_value (reader, attr);

  return NULL;
}

/* An extension attribute (namespace urn:auftakt:1), or NULL if absent. */
static const char *
get_ext_attr (Reader     *reader,
              xmlNode    *node,
              const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL && attr->ns->href != NULL &&
        strcmp ((const char *) attr->ns->href, AUFTAKT_XML_NAMESPACE) == 0 &&
        strcmp ((const char *) attr->name, name) == 0)
      return attr_value (reader, attr);

  return NULL;
}

static const char *
require_attr (Reader     *reader,
              xmlNode    *node,
              const char *name)
{
  const char *value = get_attr (reader, node, name);

  if (value == NULL || value[0] == '\0')
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_SCHEMA,
                   _("<%s> lacks the attribute %s"), element_name (reader, node), name);
      return NULL;
    }

  return value;
}

/* A count attribute: leaves *value alone when absent. */
static gboolean
read_count (Reader     *reader,
            xmlNode    *node,
            const char *name,
            int        *value)
{
  const char *text = get_attr (reader, node, name);

  if (text == NULL)
    return TRUE;

  if (!auftakt_parse_count (text, value))
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                   _("%s=“%s” is not a whole number from 0 to %d"), name, text, G_MAXINT);
      return FALSE;
    }

  return TRUE;
}

/* A time attribute (v1 or extension): leaves *value alone when absent. */
static gboolean
read_time (Reader     *reader,
           xmlNode    *node,
           const char *name,
           const char *text,
           int        *value)
{
  if (text == NULL)
    return TRUE;

  if (!auftakt_parse_minutes (text, value))
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                   _("%s=“%s” is not a time of day (H:MM or HH:MM)"), name, text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_str_equal (copy, "true") || g_str_equal (copy, "1"))
    *value = TRUE;
  else if (g_str_equal (copy, "false") || g_str_equal (copy, "0"))
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

static gboolean
is_colour (const char *text)
{
  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* Reading the file */

typedef struct
{
  Reader           *reader;
  xmlParserCtxtPtr  ctxt;   /* the file's; an entity's text has a parser of its own */
  gboolean          empty;
  gboolean          io;
} ParseState;

/* libxml2 numbers an element by the line where its start tag ends and keeps
 * no more than 65535 in node->line; remember the line where the tag begins,
 * which is the one an editor shows, for any line count.  An element from an
 * entity gets the line of the entity's first reference (libxml2 copies the
 * elements for the others). */
static void
start_element_ns (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;
  xmlParserInputPtr input = ctxt->input;
  long line;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);

  if (ctxt->node == NULL || input == NULL)
    return;

  if (state != NULL && ctxt != state->ctxt && state->ctxt->input != NULL)
    {
      ctxt->node->_private = GSIZE_TO_POINTER ((gsize) MAX (state->ctxt->input->line, 1));
      return;
    }

  line = input->line;
  if (input->cur != NULL && input->base != NULL)
    {
      const xmlChar *p = input->cur;
      long newlines = 0;

      /* attribute values cannot hold a literal '<' */
      while (p > input->base && p[-1] != '<')
        {
          p--;
          if (*p == '\n')
            newlines++;
        }
      if (p > input->base)
        line -= newlines;
    }

  ctxt->node->_private = GSIZE_TO_POINTER ((gsize) MAX (line, 1));
}

/* Entities declared in the file itself are expanded and the defaults of its
 * <!ATTLIST> declarations apply, as with check.py's expat; an external
 * entity (SYSTEM or PUBLIC) is left undeclared and an external DTD is not
 * loaded, so that nothing outside the file is ever read and a reference to
 * such an entity is an undefined entity, as it is for expat. */
static void
entity_decl (void          *ctx,
             const xmlChar *name,
             int            type,
             const xmlChar *public_id,
             const xmlChar *system_id,
             xmlChar       *content)
{
  if (type != XML_INTERNAL_GENERAL_ENTITY && type != XML_INTERNAL_PARAMETER_ENTITY)
    return;

  xmlSAX2EntityDecl (ctx, name, type, public_id, system_id, content);
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *text = NULL;

  if (xml_error->level < XML_ERR_ERROR)
    return;

  /* libxml2 uses the code also for text that does not start with '<' */
  if (xml_error->code == XML_ERR_DOCUMENT_EMPTY &&
      (ctxt->input == NULL || ctxt->input->cur == NULL || *ctxt->input->cur == '\0'))
    {
      state->empty = TRUE;
      return;
    }

  if (xml_error->domain == XML_FROM_IO)
    state->io = TRUE;

  text = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
  if (state->reader->problems->len < MAX_REPORTED)
    add_problem_at (state->reader, MAX (xml_error->line, 0), AUFTAKT_XML_ERROR_MALFORMED,
                    g_strdup_printf (_("not well-formed XML: %s"), text));
}

static gboolean
check_readable (const char  *path,
                GError     **error)
{
  FILE *file;
  int saved_errno;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_READ,
                   "%s: %s", path, _("cannot read the file: it is a folder"));
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("cannot read the file: %s"),
                                                  g_strerror (saved_errno));

      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_READ, "%s: %s", path, message);
      return FALSE;
    }

  fclose (file);
  return TRUE;
}

/* Whether check.py's expat reads a file in this encoding too.  It knows
 * UTF-8, UTF-16, ISO-8859-1 and US-ASCII itself; for any other encoding
 * Python decodes the bytes 0 to 255 in a row, replacing what it cannot
 * decode, and the encoding is usable only if that gives one character per
 * byte; a byte that was replaced must not occur in the file.  libxml2 reads
 * more (Shift_JIS, EBCDIC, UTF-7, ...); FORMAT.md wants UTF-8 anyway. */
static gboolean
is_expat_encoding (const char *path,
                   const char *name)
{
  g_autofree char *contents = NULL;
  gboolean invalid[256] = { FALSE };
  gboolean any_invalid = FALSE;
  guchar all[256];
  GIConv conv;
  gsize length;

  if (name == NULL || g_ascii_strcasecmp (name, "UTF-8") == 0 ||
      g_ascii_strcasecmp (name, "UTF-16") == 0 || g_ascii_strcasecmp (name, "UTF-16LE") == 0 ||
      g_ascii_strcasecmp (name, "UTF-16BE") == 0 ||
      g_ascii_strcasecmp (name, "ISO-8859-1") == 0 || g_ascii_strcasecmp (name, "US-ASCII") == 0)
    return TRUE;

  conv = g_iconv_open ("UCS-4LE", name);
  if (conv == (GIConv) -1)
    return FALSE;

  for (guint i = 0; i < sizeof all; i++)
    all[i] = (guchar) i;

  /* one character at a time: the output has room for no more */
  for (guint i = 0; i < sizeof all; i++)
    {
      char *in = (char *) all + i;
      gsize in_left = sizeof all - i;
      guint32 c = 0;
      char *out = (char *) &c;
      gsize out_left = sizeof c;

      g_iconv (conv, &in, &in_left, &out, &out_left);
      if (out_left == 0 && in != (char *) all + i + 1)
        {
          /* a character of several bytes */
          g_iconv_close (conv);
          return FALSE;
        }
      c = GUINT32_FROM_LE (c);
      /* a control character is no XML, whatever it means in the encoding
       * (the escape sequences of ISO-2022-JP) */
      invalid[i] = out_left != 0 || c == 0xFFFD ||
                   (c < 0x20 && c != '\t' && c != '\n' && c != '\r');
      any_invalid |= invalid[i];

      /* the XML declaration must read as ASCII */
      if (i >= ' ' && i <= '~' && (invalid[i] || c != i))
        {
          g_iconv_close (conv);
          return FALSE;
        }
    }
  g_iconv_close (conv);

  if (!any_invalid || !g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return TRUE;

  for (gsize i = 0; i < length; i++)
    if (invalid[(guchar) contents[i]])
      return FALSE;

  return TRUE;
}

/* The document of a well-formed file, or NULL and an error. */
static xmlDoc *
parse_file (Reader  *reader,
            GError **error)
{
  ParseState state = { reader, NULL, FALSE, FALSE };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gboolean well_formed;

  if (!check_readable (reader->path, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2 cannot make a parser");

  ctxt->_private = &state;
  state.ctxt = ctxt;
  ctxt->sax->startElementNs = start_element_ns;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->entityDecl = entity_decl;
  ctxt->sax->externalSubset = NULL;

  doc = xmlCtxtReadFile (ctxt, reader->path, NULL,
                         XML_PARSE_BIG_LINES | XML_PARSE_NONET | XML_PARSE_NOENT |
                         XML_PARSE_DTDATTR);
  well_formed = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed;
  xmlFreeParserCtxt (ctxt);

  if (well_formed && !is_expat_encoding (reader->path, (const char *) doc->encoding))
    {
      g_autofree char *message =
        g_strdup_printf (_("the encoding “%s” is not supported; save the file as UTF-8"),
                         (const char *) doc->encoding);

      xmlFreeDoc (doc);
      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED, "%s:1: %s",
                   reader->path, message);
      return NULL;
    }

  if (well_formed && reader->problems->len == 0 && !state.empty)
    return doc;

  g_clear_pointer (&doc, xmlFreeDoc);

  if (state.empty && reader->problems->len == 0)
    {
      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED,
                   "%s: %s", reader->path, _("the file is empty"));
      return NULL;
    }

  if (reader->problems->len == 0)
    add_problem_at (reader, 0, AUFTAKT_XML_ERROR_MALFORMED,
                    g_strdup (_("not well-formed XML")));

  if (state.io)
    g_array_index (reader->problems, Problem, 0).code = AUFTAKT_XML_ERROR_READ;

  raise_problems (reader, error);
  return NULL;
}

/* The root element, if it is <NAME version="1"> in no namespace. */
static xmlNode *
check_root (Reader      *reader,
            xmlDoc      *doc,
            const char  *name,
            GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const char *version;

  if (root == NULL)
    {
      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_MALFORMED,
                   "%s: %s", reader->path, _("the file is empty"));
      return NULL;
    }

  if (!is_plain (root, name))
    {
      g_autofree char *message = NULL;

      if (root->ns != NULL && root->ns->href != NULL)
        message = g_strdup_printf (_("the root element is <%s> in namespace “%s”, expected <%s>"),
                                   root->name, root->ns->href, name);
      else
        message = g_strdup_printf (_("the root element is <%s>, expected <%s>"),
                                   root->name, name);
      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_ROOT,
                   "%s:%ld: %s", reader->path, node_line (root), message);
      return NULL;
    }

  /* as check.py: no version means version 1 */
  version = get_attr (reader, root, "version");
  if (version != NULL && !g_str_equal (version, "1"))
    {
      g_autofree char *message =
        g_strdup_printf (_("version “%s” is not supported (only 1)"), version);

      g_set_error (error, AUFTAKT_XML_ERROR, AUFTAKT_XML_ERROR_ROOT,
                   "%s:%ld: %s", reader->path, node_line (root), message);
      return NULL;
    }

  return root;
}

/* Schema validation */

static void
schema_parser_error_cb (void        *user_data,
                        xmlErrorPtr  xml_error)
{
  if (xml_error->level >= XML_ERR_ERROR)
    g_critical ("The event schema does not compile: %s", xml_error->message);
}

static void
validation_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  Reader *reader = user_data;
  g_autofree char *text = NULL;
  long line;

  if (xml_error->level < XML_ERR_ERROR)
    return;

  text = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
  line = xml_error->node != NULL ? node_line (xml_error->node) : MAX (xml_error->line, 0);
  add_problem_at (reader, line, AUFTAKT_XML_ERROR_SCHEMA,
                  g_strdup_printf (_("does not follow the event format: %s"), text));
}

static gboolean
validate_event (Reader  *reader,
                xmlDoc  *doc,
                GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaValidCtxtPtr validator;
  xmlSchemaPtr schema;
  gconstpointer data;
  gsize size;
  int result;

  bytes = g_resource_lookup_data (auftakt_core_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &size);

  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (parser, schema_parser_error_cb, NULL);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert (schema != NULL);

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, validation_error_cb, reader);
  result = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);
  xmlSchemaFree (schema);

  if (result == 0 && reader->problems->len == 0)
    return TRUE;

  if (reader->problems->len == 0)
    add_problem_at (reader, 0, AUFTAKT_XML_ERROR_SCHEMA,
                    g_strdup (_("does not follow the event format")));

  raise_problems (reader, error);
  return FALSE;
}

/* Building the event */

static void
event_builder_init (EventBuilder *builder,
                    const char   *path)
{
  reader_init (&builder->reader, path);
  for (guint i = 0; i < N_KINDS; i++)
    {
      builder->ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
      builder->items[i] = g_ptr_array_new_with_free_func (g_object_unref);
    }
  builder->refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  builder->scratch = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
event_builder_clear (EventBuilder *builder)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&builder->ids[i], g_hash_table_unref);
      g_clear_pointer (&builder->items[i], g_ptr_array_unref);
    }
  g_clear_pointer (&builder->refs, g_array_unref);
  g_clear_pointer (&builder->scratch, g_hash_table_unref);
  g_clear_object (&builder->event);
  reader_clear (&builder->reader);
}

/* Records the id of an element; FALSE (and a problem) if it is missing or
 * already taken by another element of the kind. */
static gboolean
register_id (EventBuilder *builder,
             Kind          kind,
             xmlNode      *node,
             const char  **id_out)
{
  Reader *reader = &builder->reader;
  const char *id = require_attr (reader, node, "id");
  xmlNode *first;

  *id_out = id;
  if (id == NULL)
    return FALSE;

  first = g_hash_table_lookup (builder->ids[kind], id);
  if (first != NULL)
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                   _("duplicate id: <%s id=“%s”> is already on line %ld"),
                   kind_elements[kind], id, node_line (first));
      return FALSE;
    }

  g_hash_table_insert (builder->ids[kind], (gpointer) id, node);
  return TRUE;
}

static void
add_ref (EventBuilder *builder,
         Kind          kind,
         xmlNode      *node,
         const char   *attribute,
         const char   *id)
{
  Ref ref = { kind, attribute, id, node };

  g_array_append_val (builder->refs, ref);
}

static void
resolve_refs (EventBuilder *builder)
{
  Reader *reader = &builder->reader;

  for (guint i = 0; i < builder->refs->len; i++)
    {
      const Ref *ref = &g_array_index (builder->refs, Ref, i);

      if (!g_hash_table_contains (builder->ids[ref->kind], ref->id))
        add_problem (reader, ref->node, AUFTAKT_XML_ERROR_INVALID,
                     _("%s=“%s” in <%s> names no <%s> of the event"),
                     ref->attribute, ref->id, element_name (reader, ref->node),
                     kind_elements[ref->kind]);
    }
}

/* The text of an <a:description>. */
static const char *
read_description (EventBuilder *builder,
                  xmlNode      *node)
{
  Reader *reader = &builder->reader;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                     _("<%s> may hold only text"), element_name (reader, node));
        return NULL;
      }

  return pool_take_xml (reader, xmlNodeGetContent (node));
}

/* A round listed twice as unavailable is unavailable once, as for check.py. */
static void
add_round_once (GPtrArray  *rounds,
                const char *round)
{
  if (!g_ptr_array_find_with_equal_func (rounds, round, g_str_equal, NULL))
    g_ptr_array_add (rounds, (gpointer) round);
}

/* Reads the extension children of a version 1 element: its <a:description>
 * (if DESCRIPTION) and its <a:unavailable> rounds (if UNAVAILABLE). */
static void
read_ext_children (EventBuilder  *builder,
                   xmlNode       *node,
                   const char   **description,
                   GPtrArray     *unavailable)
{
  Reader *reader = &builder->reader;
  gboolean seen_description = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || !is_ours (child))
        continue;

      if (description != NULL && is_ext (child, "description"))
        {
          if (seen_description)
            add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                         _("<%s> has more than one <%s>"),
                         element_name (reader, node), element_name (reader, child));
          seen_description = TRUE;
          *description = read_description (builder, child);
        }
      else if (unavailable != NULL && is_ext (child, "unavailable"))
        {
          const char *round = require_attr (reader, child, "round");

          if (round != NULL)
            {
              add_ref (builder, KIND_ROUND, child, "round", round);
              add_round_once (unavailable, round);
            }
        }
      /* other elements of ours are from a newer Auftakt: skipped like any extension */
    }
}

/* The rounds of the v1 <unavailable> children, in document order. */
static void
read_unavailable (EventBuilder *builder,
                  xmlNode      *node,
                  GPtrArray    *rounds)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_plain (child, "unavailable"))
      {
        const char *round = require_attr (&builder->reader, child, "round");

        if (round != NULL)
          {
            add_ref (builder, KIND_ROUND, child, "round", round);
            add_round_once (rounds, round);
          }
      }
}

static void
read_round (EventBuilder *builder,
            xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktRound) round = NULL;
  const char *id;
  int start = -1, end = -1;

  if (!register_id (builder, KIND_ROUND, node, &id))
    return;

  round = auftakt_round_new (id);
  auftakt_round_set_title (round, get_ext_attr (reader, node, "title"));
  if (read_time (reader, node, "start", get_attr (reader, node, "start"), &start) &&
      read_time (reader, node, "end", get_attr (reader, node, "end"), &end) &&
      start >= 0 && end >= 0 && end <= start)
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                   _("round “%s” does not end after it starts"), id);
    }
  auftakt_round_set_start (round, start);
  auftakt_round_set_end (round, end);

  g_ptr_array_add (builder->items[KIND_ROUND], g_steal_pointer (&round));
}

static void
read_room (EventBuilder *builder,
           xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktRoom) room = NULL;
  g_autoptr(GPtrArray) unavailable = g_ptr_array_new ();
  g_auto(GStrv) strv = NULL;
  const char *id, *description = NULL;
  int capacity = 0;

  if (!register_id (builder, KIND_ROOM, node, &id))
    return;

  room = auftakt_room_new (id);
  auftakt_room_set_name (room, get_attr (reader, node, "name"));
  if (get_attr (reader, node, "capacity") == NULL)
    require_attr (reader, node, "capacity");
  else if (read_count (reader, node, "capacity", &capacity) && capacity < 1)
    add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                 _("room “%s” has capacity 0; a room needs at least one seat"), id);
  auftakt_room_set_capacity (room, capacity);

  read_unavailable (builder, node, unavailable);
  read_ext_children (builder, node, &description, NULL);
  auftakt_room_set_description (room, description);
  strv = auftakt_strv_from_ptr_array (unavailable);
  auftakt_room_set_unavailable (room, (const char * const *) strv);

  g_ptr_array_add (builder->items[KIND_ROOM], g_steal_pointer (&room));
}

static void
read_cluster (EventBuilder *builder,
              xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktCluster) cluster = NULL;
  const char *id, *colour, *description = NULL;

  if (!register_id (builder, KIND_CLUSTER, node, &id))
    return;

  cluster = auftakt_cluster_new (id);
  auftakt_cluster_set_title (cluster, get_attr (reader, node, "title"));
  colour = get_ext_attr (reader, node, "colour");
  if (colour != NULL && !is_colour (colour))
    add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                 _("a:colour=“%s” is not a colour like #3584e4"), colour);
  auftakt_cluster_set_colour (cluster, colour);
  read_ext_children (builder, node, &description, NULL);
  auftakt_cluster_set_description (cluster, description);

  g_ptr_array_add (builder->items[KIND_CLUSTER], g_steal_pointer (&cluster));
}

static void
read_referee (EventBuilder *builder,
              xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktReferee) referee = NULL;
  g_autoptr(GPtrArray) unavailable = g_ptr_array_new ();
  g_auto(GStrv) strv = NULL;
  const char *id;

  if (!register_id (builder, KIND_REFEREE, node, &id))
    return;

  referee = auftakt_referee_new (id);
  auftakt_referee_set_name (referee, get_attr (reader, node, "name"));
  auftakt_referee_set_organisation (referee, get_ext_attr (reader, node, "organisation"));
  auftakt_referee_set_role (referee, get_ext_attr (reader, node, "role"));
  auftakt_referee_set_email (referee, get_ext_attr (reader, node, "email"));
  read_unavailable (builder, node, unavailable);
  strv = auftakt_strv_from_ptr_array (unavailable);
  auftakt_referee_set_unavailable (referee, (const char * const *) strv);

  g_ptr_array_add (builder->items[KIND_REFEREE], g_steal_pointer (&referee));
}

static void
read_workshop (EventBuilder *builder,
               xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktWorkshop) workshop = NULL;
  g_autoptr(GPtrArray) leads = g_ptr_array_new ();
  g_autoptr(GPtrArray) unavailable = g_ptr_array_new ();
  g_auto(GStrv) leads_strv = NULL;
  g_auto(GStrv) unavailable_strv = NULL;
  const char *id, *cluster, *description = NULL;
  int min = 0, max = -1, max_runs = -1;

  if (!register_id (builder, KIND_WORKSHOP, node, &id))
    return;

  workshop = auftakt_workshop_new (id);
  auftakt_workshop_set_title (workshop, get_attr (reader, node, "title"));

  cluster = get_attr (reader, node, "cluster");
  if (cluster != NULL)
    add_ref (builder, KIND_CLUSTER, node, "cluster", cluster);
  auftakt_workshop_set_cluster (workshop, cluster);

  if (read_count (reader, node, "min", &min) &&
      read_count (reader, node, "max", &max) &&
      max >= 0 && min > max)
    add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                 _("workshop “%s” has min=%d above max=%d"), id, min, max);
  read_count (reader, node, "max-runs", &max_runs);
  auftakt_workshop_set_min (workshop, min);
  auftakt_workshop_set_max (workshop, max);
  auftakt_workshop_set_max_runs (workshop, max_runs);

  g_hash_table_remove_all (builder->scratch);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_plain (child, "lead"))
      {
        const char *referee = require_attr (reader, child, "referee");

        if (referee == NULL)
          continue;
        if (!g_hash_table_add (builder->scratch, (gpointer) referee))
          {
            add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                         _("referee “%s” is listed twice as a lead of workshop “%s”"),
                         referee, id);
            continue;
          }
        add_ref (builder, KIND_REFEREE, child, "referee", referee);
        g_ptr_array_add (leads, (gpointer) referee);
      }

  read_ext_children (builder, node, &description, unavailable);
  auftakt_workshop_set_description (workshop, description);
  leads_strv = auftakt_strv_from_ptr_array (leads);
  auftakt_workshop_set_leads (workshop, (const char * const *) leads_strv);
  unavailable_strv = auftakt_strv_from_ptr_array (unavailable);
  auftakt_workshop_set_unavailable (workshop, (const char * const *) unavailable_strv);

  g_ptr_array_add (builder->items[KIND_WORKSHOP], g_steal_pointer (&workshop));
}

static void
read_participant (EventBuilder *builder,
                  xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktParticipant) participant = NULL;
  g_autoptr(GPtrArray) workshops = g_ptr_array_new ();
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) unavailable = g_ptr_array_new ();
  g_autofree const char **ordered = NULL;
  g_auto(GStrv) choices_strv = NULL;
  g_auto(GStrv) unavailable_strv = NULL;
  gboolean choices_ok = TRUE;
  const char *id;

  if (!register_id (builder, KIND_PARTICIPANT, node, &id))
    return;

  participant = auftakt_participant_new (id);
  auftakt_participant_set_name (participant, get_attr (reader, node, "name"));
  auftakt_participant_set_organisation (participant, get_ext_attr (reader, node, "organisation"));
  auftakt_participant_set_email (participant, get_ext_attr (reader, node, "email"));

  g_hash_table_remove_all (builder->scratch);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_plain (child, "choice"))
      {
        const char *workshop = require_attr (reader, child, "workshop");
        int rank = -1;

        if (get_attr (reader, child, "rank") == NULL)
          {
            require_attr (reader, child, "rank");
            choices_ok = FALSE;
            continue;
          }
        if (!read_count (reader, child, "rank", &rank) || workshop == NULL)
          {
            choices_ok = FALSE;
            continue;
          }
        if (!g_hash_table_add (builder->scratch, (gpointer) workshop))
          {
            add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                         _("participant “%s” ranks workshop “%s” twice"), id, workshop);
            choices_ok = FALSE;
            continue;
          }
        add_ref (builder, KIND_WORKSHOP, child, "workshop", workshop);
        g_ptr_array_add (workshops, (gpointer) workshop);
        g_array_append_val (ranks, rank);
      }

  /* the choices are kept in rank order, whatever their order in the file */
  ordered = g_new0 (const char *, workshops->len + 1);
  for (guint i = 0; choices_ok && i < workshops->len; i++)
    {
      int rank = g_array_index (ranks, int, i);

      if (rank < 1 || (guint) rank > workshops->len || ordered[rank - 1] != NULL)
        {
          add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                       _("the choice ranks of participant “%s” are not 1, 2, 3, … without gaps"),
                       id);
          choices_ok = FALSE;
          break;
        }
      ordered[rank - 1] = g_ptr_array_index (workshops, i);
    }
  if (choices_ok)
    auftakt_participant_set_choices (participant, ordered);

  read_ext_children (builder, node, NULL, unavailable);
  unavailable_strv = auftakt_strv_from_ptr_array (unavailable);
  auftakt_participant_set_unavailable (participant, (const char * const *) unavailable_strv);

  g_ptr_array_add (builder->items[KIND_PARTICIPANT], g_steal_pointer (&participant));
}

static void
unexpected_element (Reader  *reader,
                    xmlNode *node)
{
  add_problem (reader, node, AUFTAKT_XML_ERROR_SCHEMA, _("unexpected element <%s> in <%s>"),
               element_name (reader, node), element_name (reader, node->parent));
}

static void
read_agenda_item (EventBuilder *builder,
                  xmlNode      *node)
{
  Reader *reader = &builder->reader;
  g_autoptr(AuftaktAgendaItem) item = NULL;
  g_autoptr(GPtrArray) speakers = g_ptr_array_new ();
  g_auto(GStrv) speakers_strv = NULL;
  const char *id, *kind_name, *room, *round, *description = NULL;
  gboolean seen_description = FALSE;
  int start = -1, end = -1;

  if (!register_id (builder, KIND_AGENDA_ITEM, node, &id))
    return;

  item = auftakt_agenda_item_new (id);
  auftakt_agenda_item_set_number (item, get_attr (reader, node, "number"));
  auftakt_agenda_item_set_title (item, get_attr (reader, node, "title"));

  kind_name = get_attr (reader, node, "kind");
  if (kind_name != NULL)
    {
      AuftaktAgendaKind kind;

      if (auftakt_agenda_kind_from_string (kind_name, &kind))
        {
          auftakt_agenda_item_set_kind (item, kind);
        }
      else
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint k = 0; k <= AUFTAKT_AGENDA_KIND_LAST; k++)
            g_string_append_printf (names, "%s%s", k > 0 ? ", " : "",
                                    auftakt_agenda_kind_to_string (k));
          add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                       _("kind=“%s” is not one of %s"), kind_name, names->str);
        }
    }

  if (read_time (reader, node, "start", get_attr (reader, node, "start"), &start) &&
      read_time (reader, node, "end", get_attr (reader, node, "end"), &end) &&
      start >= 0 && end >= 0 && end < start)
    add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                 _("agenda item “%s” ends before it starts"), id);
  auftakt_agenda_item_set_start (item, start);
  auftakt_agenda_item_set_end (item, end);

  room = get_attr (reader, node, "room");
  if (room != NULL)
    add_ref (builder, KIND_ROOM, node, "room", room);
  auftakt_agenda_item_set_room (item, room);

  round = get_attr (reader, node, "round");
  if (round != NULL)
    add_ref (builder, KIND_ROUND, node, "round", round);
  auftakt_agenda_item_set_round (item, round);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || (child->ns != NULL && !is_ours (child)))
        continue;

      if (is_ext (child, "speaker"))
        {
          const char *referee = require_attr (reader, child, "referee");

          if (referee != NULL &&
              g_ptr_array_find_with_equal_func (speakers, referee, g_str_equal, NULL))
            {
              add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                           _("referee “%s” is listed twice as a speaker of agenda item “%s”"),
                           referee, id);
            }
          else if (referee != NULL)
            {
              add_ref (builder, KIND_REFEREE, child, "referee", referee);
              g_ptr_array_add (speakers, (gpointer) referee);
            }
        }
      else if (is_ext (child, "description"))
        {
          if (seen_description)
            add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                         _("<%s> has more than one <%s>"),
                         element_name (reader, node), element_name (reader, child));
          seen_description = TRUE;
          description = read_description (builder, child);
        }
      else
        {
          unexpected_element (reader, child);
        }
    }

  speakers_strv = auftakt_strv_from_ptr_array (speakers);
  auftakt_agenda_item_set_speakers (item, (const char * const *) speakers_strv);
  auftakt_agenda_item_set_description (item, description);

  g_ptr_array_add (builder->items[KIND_AGENDA_ITEM], g_steal_pointer (&item));
}

static void
read_agenda (EventBuilder *builder,
             xmlNode      *node)
{
  Reader *reader = &builder->reader;

  if (builder->has_agenda)
    {
      add_problem (reader, node, AUFTAKT_XML_ERROR_INVALID,
                   _("the event has more than one <%s>"), element_name (reader, node));
      return;
    }
  builder->has_agenda = TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || (child->ns != NULL && !is_ours (child)))
        continue;

      if (is_ext (child, "item"))
        read_agenda_item (builder, child);
      else
        unexpected_element (reader, child);
    }
}

static void
read_event_element (EventBuilder *builder,
                    xmlNode      *root)
{
  Reader *reader = &builder->reader;
  AuftaktEvent *event;
  int k = AUFTAKT_DEFAULT_WORKSHOPS_PER_PARTICIPANT;
  int unranked_cost = AUFTAKT_DEFAULT_UNRANKED_COST;

  /* the event id is the plan's business; a:id keeps it across an export */
  event = builder->event = auftakt_event_new (get_ext_attr (reader, root, "id"));
  auftakt_event_set_title (event, get_attr (reader, root, "title"));
  auftakt_event_set_date (event, get_attr (reader, root, "date"));
  auftakt_event_set_venue (event, get_ext_attr (reader, root, "venue"));

  if (read_count (reader, root, "workshops-per-participant", &k))
    {
      if (k < 1)
        add_problem (reader, root, AUFTAKT_XML_ERROR_INVALID,
                     _("workshops-per-participant must be at least 1"));
      else
        auftakt_event_set_workshops_per_participant (event, k);
    }
  if (read_count (reader, root, "unranked-cost", &unranked_cost))
    auftakt_event_set_unranked_cost (event, unranked_cost);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (child->ns == NULL)
        {
          const char *name = (const char *) child->name;

          if (g_str_equal (name, "round"))
            read_round (builder, child);
          else if (g_str_equal (name, "room"))
            read_room (builder, child);
          else if (g_str_equal (name, "cluster"))
            read_cluster (builder, child);
          else if (g_str_equal (name, "referee"))
            read_referee (builder, child);
          else if (g_str_equal (name, "workshop"))
            read_workshop (builder, child);
          else if (g_str_equal (name, "participant"))
            read_participant (builder, child);
          else
            unexpected_element (reader, child);  /* the schema catches it first */
        }
      else if (is_ext (child, "agenda"))
        {
          read_agenda (builder, child);
        }
      else if (is_ext (child, "description"))
        {
          if (builder->has_description)
            add_problem (reader, child, AUFTAKT_XML_ERROR_INVALID,
                         _("<%s> has more than one <%s>"),
                         element_name (reader, root), element_name (reader, child));
          builder->has_description = TRUE;
          auftakt_event_set_description (event, read_description (builder, child));
        }
      /* any other namespaced element is an extension we skip */
    }
}

static void
splice_all (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/**
 * auftakt_xml_read_event:
 * @path: an event file (FORMAT.md version 1, with or without extensions)
 * @error: return location for an error in %AUFTAKT_XML_ERROR
 *
 * Reads an event all or nothing.  On failure the error's code is that of the
 * first problem (%AUFTAKT_XML_ERROR_READ, _MALFORMED, _ROOT, _SCHEMA or
 * _INVALID) and its message holds one "FILE:LINE: message" line per problem
 * in the order of the file, at most 20 and then a count; "FILE: message"
 * where no line applies (an empty file).  Absent optional attributes stay
 * %NULL (names, titles, cluster) or -1 (max, max-runs, start, end); choices
 * are stored in rank order; the event id comes from a:id or stays %NULL.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with @error set
 */
AuftaktEvent *
auftakt_xml_read_event (const char  *path,
                        GError     **error)
{
  EventBuilder builder = { 0 };
  AuftaktEvent *event = NULL;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  event_builder_init (&builder, path);

  doc = parse_file (&builder.reader, error);
  if (doc == NULL)
    goto out;

  root = check_root (&builder.reader, doc, "event", error);
  if (root == NULL || !validate_event (&builder.reader, doc, error))
    goto out;

  read_event_element (&builder, root);
  resolve_refs (&builder);
  if (builder.reader.problems->len > 0)
    {
      raise_problems (&builder.reader, error);
      goto out;
    }

  event = g_steal_pointer (&builder.event);
  splice_all (auftakt_event_get_rounds (event), builder.items[KIND_ROUND]);
  splice_all (auftakt_event_get_rooms (event), builder.items[KIND_ROOM]);
  splice_all (auftakt_event_get_clusters (event), builder.items[KIND_CLUSTER]);
  splice_all (auftakt_event_get_referees (event), builder.items[KIND_REFEREE]);
  splice_all (auftakt_event_get_workshops (event), builder.items[KIND_WORKSHOP]);
  splice_all (auftakt_event_get_participants (event), builder.items[KIND_PARTICIPANT]);
  splice_all (auftakt_event_get_agenda (event), builder.items[KIND_AGENDA_ITEM]);

out:
  g_clear_pointer (&doc, xmlFreeDoc);
  event_builder_clear (&builder);
  return event;
}

/* Schedules */

typedef struct
{
  Reader       reader;
  gboolean     strict;
  GPtrArray   *problems;       /* the caller's, in lenient mode */
  GHashTable  *ids[N_KINDS];   /* the event's ids, in strict mode */
  GHashTable  *runs;           /* "workshop\nround" → session node, strict */
} ScheduleReader;

G_GNUC_PRINTF (3, 4)
static void
schedule_problem (ScheduleReader *self,
                  xmlNode        *node,
                  const char     *format,
                  ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->strict)
    {
      add_problem_at (&self->reader, node_line (node), AUFTAKT_XML_ERROR_INVALID, message);
    }
  else
    {
      Problem problem = { node_line (node), 0, AUFTAKT_XML_ERROR_INVALID, message };

      if (self->problems != NULL)
        g_ptr_array_add (self->problems, format_problem (&self->reader, &problem));
      g_free (message);
    }
}

typedef const char *(*GetIdFunc) (gpointer item);

static GHashTable *
index_ids (GListStore *store,
           GetIdFunc   get_id)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *id = get_id (item);

      if (id != NULL)
        g_hash_table_add (ids, g_strdup (id));
    }

  return ids;
}

/* Strict mode: an id attribute of a session that must name an element of the
 * event. */
static void
check_session_ref (ScheduleReader *self,
                   xmlNode        *node,
                   Kind            kind,
                   const char     *attribute,
                   const char     *id)
{
  if (!self->strict)
    return;

  if (id == NULL)
    schedule_problem (self, node, _("<%s> lacks the attribute %s"),
                      (const char *) node->name, attribute);
  else if (!g_hash_table_contains (self->ids[kind], id))
    schedule_problem (self, node, _("%s=“%s” in <%s> names no <%s> of the event"),
                      attribute, id, (const char *) node->name, kind_elements[kind]);
}

static gboolean
read_locked (ScheduleReader *self,
             xmlNode        *node)
{
  const char *text = get_ext_attr (&self->reader, node, "locked");
  gboolean locked = FALSE;

  if (text != NULL && !parse_boolean (text, &locked) && self->strict)
    schedule_problem (self, node, _("%s=“%s” is neither “true” nor “false”"),
                      "a:locked", text);

  return locked;
}

static AuftaktSession *
read_session (ScheduleReader *self,
              xmlNode        *node)
{
  Reader *reader = &self->reader;
  g_autoptr(GHashTable) attendees = NULL;
  AuftaktSession *session;
  const char *workshop = get_attr (reader, node, "workshop");
  const char *round = get_attr (reader, node, "round");
  const char *room = get_attr (reader, node, "room");

  session = auftakt_session_new (workshop, round, room);
  auftakt_session_set_locked (session, read_locked (self, node));

  if (self->strict)
    {
      check_session_ref (self, node, KIND_WORKSHOP, "workshop", workshop);
      check_session_ref (self, node, KIND_ROUND, "round", round);
      check_session_ref (self, node, KIND_ROOM, "room", room);

      if (workshop != NULL && round != NULL)
        {
          char *key = g_strconcat (workshop, "\n", round, NULL);
          xmlNode *first = g_hash_table_lookup (self->runs, key);

          if (first != NULL)
            {
              schedule_problem (self, node,
                                _("workshop “%s” has a second session in round “%s” "
                                  "(the first is on line %ld)"),
                                workshop, round, node_line (first));
              g_free (key);
            }
          else
            {
              g_hash_table_insert (self->runs, key, node);
            }
        }

      attendees = g_hash_table_new (g_str_hash, g_str_equal);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *participant;

      /* as check.py: extensions are skipped, and so is text */
      if (child->type != XML_ELEMENT_NODE || child->ns != NULL)
        continue;

      if (!g_str_equal ((const char *) child->name, "attendee"))
        {
          schedule_problem (self, child, _("unexpected element <%s> in <session>"),
                            (const char *) child->name);
          continue;
        }

      participant = get_attr (reader, child, "participant");
      if (participant == NULL)
        {
          schedule_problem (self, child, _("<%s> lacks the attribute %s"),
                            "attendee", "participant");
          continue;
        }

      if (self->strict)
        {
          if (!g_hash_table_contains (self->ids[KIND_PARTICIPANT], participant))
            schedule_problem (self, child, _("%s=“%s” in <%s> names no <%s> of the event"),
                              "participant", participant, "attendee", "participant");
          else if (!g_hash_table_add (attendees, (gpointer) participant))
            schedule_problem (self, child,
                              _("participant “%s” is listed twice in this session"),
                              participant);
        }

      auftakt_session_add_attendee (session, participant, read_locked (self, child));
    }

  return session;
}

/**
 * auftakt_xml_read_schedule:
 * @path: a schedule file
 * @event: (nullable): the event the schedule belongs to; required with
 *   %AUFTAKT_XML_READ_STRICT
 * @flags: %AUFTAKT_XML_READ_LENIENT or %AUFTAKT_XML_READ_STRICT
 * @problems: (nullable) (element-type utf8): where lenient mode appends one
 *   newly allocated "FILE:LINE: message" per format problem (free with g_free)
 * @error: return location for an error in %AUFTAKT_XML_ERROR
 *
 * Lenient mode (for checking) keeps every session as written, with %NULL for
 * a missing id, duplicates and unknown ids; it fails only for a file that
 * cannot be read, is not well-formed or is not a <schedule> of version 1.
 * It appends to @problems exactly what check.py counts as a format
 * violation: a child of <schedule> that is not a <session>, an unexpected
 * element in a session, an <attendee> without participant (which is left
 * out).  Strict mode (for import) turns each of those, any missing or
 * unknown id, a participant listed twice in one session and a second session
 * of a workshop in one round into an error (%AUFTAKT_XML_ERROR_INVALID, one
 * line per problem) and returns %NULL.  Rules a schedule must keep
 * (capacities, rounds per participant, ...) are not checked here.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with @error set
 */
AuftaktSchedule *
auftakt_xml_read_schedule (const char           *path,
                           AuftaktEvent         *event,
                           AuftaktXmlReadFlags   flags,
                           GPtrArray            *problems,
                           GError              **error)
{
  ScheduleReader self = { { 0 } };
  g_autoptr(GPtrArray) sessions = NULL;
  AuftaktSchedule *schedule = NULL;
  xmlDoc *doc = NULL;
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (event == NULL || AUFTAKT_IS_EVENT (event), NULL);
  g_return_val_if_fail (!(flags & AUFTAKT_XML_READ_STRICT) || event != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader_init (&self.reader, path);
  self.strict = (flags & AUFTAKT_XML_READ_STRICT) != 0;
  self.problems = problems;

  doc = parse_file (&self.reader, error);
  if (doc == NULL)
    goto out;

  root = check_root (&self.reader, doc, "schedule", error);
  if (root == NULL)
    goto out;

  if (self.strict)
    {
      self.ids[KIND_WORKSHOP] = index_ids (auftakt_event_get_workshops (event),
                                           (GetIdFunc) auftakt_workshop_get_id);
      self.ids[KIND_ROUND] = index_ids (auftakt_event_get_rounds (event),
                                        (GetIdFunc) auftakt_round_get_id);
      self.ids[KIND_ROOM] = index_ids (auftakt_event_get_rooms (event),
                                       (GetIdFunc) auftakt_room_get_id);
      self.ids[KIND_PARTICIPANT] = index_ids (auftakt_event_get_participants (event),
                                              (GetIdFunc) auftakt_participant_get_id);
      self.runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns != NULL)
        continue;

      if (!g_str_equal ((const char *) child->name, "session"))
        {
          schedule_problem (&self, child,
                            _("unexpected element <%s> in <schedule>, expected <session>"),
                            (const char *) child->name);
          continue;
        }

      g_ptr_array_add (sessions, read_session (&self, child));
    }

  if (self.reader.problems->len > 0)
    {
      raise_problems (&self.reader, error);
      goto out;
    }

  schedule = auftakt_schedule_new ();
  auftakt_schedule_splice (schedule, sessions);

out:
  g_clear_pointer (&doc, xmlFreeDoc);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self.ids[i], g_hash_table_unref);
  g_clear_pointer (&self.runs, g_hash_table_unref);
  reader_clear (&self.reader);
  return schedule;
}
