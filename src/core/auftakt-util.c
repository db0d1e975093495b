/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-util"

#include "config.h"

#include "auftakt-util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
gboolean
auftakt_set_str (char       **str_pointer,
                 const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* Like auftakt_set_str() for a list of strings, which the entities keep
 * non-NULL so that their getters never return NULL. */
gboolean
auftakt_set_strv (char             ***strv_pointer,
                  const char * const *new_strv)
{
  char **copy;

  if (*strv_pointer != NULL &&
      auftakt_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  copy = new_strv != NULL ? g_strdupv ((char **) new_strv) : g_new0 (char *, 1);
  g_strfreev (*strv_pointer);
  *strv_pointer = copy;
  return TRUE;
}

/* NULL and the empty list are equal: both mean "none". */
gboolean
auftakt_strv_equal (const char * const *a,
                    const char * const *b)
{
  gsize i;

  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;

  return a[i] == NULL && b[i] == NULL;
}

gboolean
auftakt_strv_contains (const char * const *strv,
                       const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

/* A new NULL-terminated copy of an array of strings. */
char **
auftakt_strv_from_ptr_array (GPtrArray *array)
{
  char **strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

/* "HH:MM", or NULL for an unset time (-1). */
char *
auftakt_format_minutes (int minutes)
{
  if (minutes < 0)
    return NULL;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* Accepts exactly "H:MM" or "HH:MM" within one day. */
gboolean
auftakt_parse_minutes (const char *text,
                       int        *minutes)
{
  int h = 0, m;
  const char *p = text;

  if (text == NULL)
    return FALSE;

  if (!g_ascii_isdigit (p[0]))
    return FALSE;
  h = p[0] - '0';
  p++;
  if (g_ascii_isdigit (p[0]))
    {
      h = h * 10 + (p[0] - '0');
      p++;
    }
  if (p[0] != ':' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    return FALSE;
  m = (p[1] - '0') * 10 + (p[2] - '0');
  if (h > 23 || m > 59)
    return FALSE;

  *minutes = h * 60 + m;
  return TRUE;
}

/* A non-negative integer as XML Schema writes one: surrounding blanks and a
 * leading '+' are allowed, the value must fit an int. */
gboolean
auftakt_parse_count (const char *text,
                     int        *value)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint64 v = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
      if (v > G_MAXINT)
        return FALSE;
    }

  *value = (int) v;
  return TRUE;
}

static gboolean
write_error (const char  *path,
             int          saved_errno,
             GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s: %s", display_name, _("cannot write the file"), g_strerror (saved_errno));
  return FALSE;
}

/* A device or a pipe takes the text as it comes. */
static gboolean
write_directly (const char  *path,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return write_error (path, errno, error);

  while (length > 0)
    {
      gssize n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return write_error (path, saved_errno, error);
        }

      contents += n;
      length -= n;
    }

  if (close (fd) != 0)
    return write_error (path, errno, error);

  return TRUE;
}

/**
 * auftakt_resolve_output:
 * @path: where to write
 * @target: (out): the file to replace
 *
 * How auftakt_write_file() writes @path: %FALSE for a device or a pipe
 * (`-o /dev/stdout`), which is written directly, since renaming a file
 * over it would replace it; %TRUE otherwise, with the file to replace
 * whole in @target — through a symbolic link the file it points to, not
 * the link.
 */
gboolean
auftakt_resolve_output (const char  *path,
                        char       **target)
{
  GStatBuf buf;

  *target = NULL;
  if (g_stat (path, &buf) == 0 && !S_ISREG (buf.st_mode) && !S_ISDIR (buf.st_mode))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *resolved = realpath (path, NULL);

      /* a dangling link is replaced, as before */
      *target = g_strdup (resolved);
      free (resolved);
    }
  if (*target == NULL)
    *target = g_strdup (path);
  return TRUE;
}

/**
 * auftakt_write_file:
 *
 * Writes a whole file, so that nobody ever sees half of it: to a temporary
 * file renamed over @path (g_file_set_contents()), or directly into a
 * device or a pipe (see auftakt_resolve_output()).  Errors are in
 * %G_FILE_ERROR.
 */
gboolean
auftakt_write_file (const char  *path,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *target = NULL;

  if (!auftakt_resolve_output (path, &target))
    return write_directly (path, contents, length, error);

  return g_file_set_contents (target, contents, length, error);
}
