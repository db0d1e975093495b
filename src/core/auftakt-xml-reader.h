/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

#define AUFTAKT_XML_ERROR (auftakt_xml_error_quark ())

typedef enum {
  AUFTAKT_XML_ERROR_READ,       /* cannot open or read the file */
  AUFTAKT_XML_ERROR_MALFORMED,  /* not well-formed XML, or empty */
  AUFTAKT_XML_ERROR_ROOT,       /* wrong root element or unsupported version */
  AUFTAKT_XML_ERROR_SCHEMA,     /* breaks the schema (data/auftakt-event.xsd) */
  AUFTAKT_XML_ERROR_INVALID,    /* breaks a rule the schema cannot express */
} AuftaktXmlError;

typedef enum {
  AUFTAKT_XML_READ_LENIENT = 0,
  AUFTAKT_XML_READ_STRICT = 1 << 0,
} AuftaktXmlReadFlags;

#define AUFTAKT_XML_NAMESPACE "urn:auftakt:1"

GQuark            auftakt_xml_error_quark    (void);

AuftaktEvent     *auftakt_xml_read_event     (const char           *path,
                                              GError              **error);
AuftaktSchedule  *auftakt_xml_read_schedule  (const char           *path,
                                              AuftaktEvent         *event,
                                              AuftaktXmlReadFlags   flags,
                                              GPtrArray            *problems,
                                              GError              **error);

G_END_DECLS
