/* phoneset-error.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PHONESET_ERROR (phoneset_error_quark ())

/**
 * PhonesetError:
 * @PHONESET_ERROR_INVALID: the input (a value, an argument, a file) is not valid
 * @PHONESET_ERROR_PARSE: a file or message could not be parsed
 * @PHONESET_ERROR_NOT_FOUND: a profile, setting or file does not exist
 * @PHONESET_ERROR_UNSUPPORTED: the phone or profile does not support this
 * @PHONESET_ERROR_AUTH: the phone refused the user name or password
 * @PHONESET_ERROR_FORBIDDEN: the phone refused this computer
 * @PHONESET_ERROR_TIMEOUT: nothing answered in time
 * @PHONESET_ERROR_UNREACHABLE: the peer could not be reached
 * @PHONESET_ERROR_FAILED: any other failure
 *
 * Error codes of the %PHONESET_ERROR domain.
 */
typedef enum
{
  PHONESET_ERROR_INVALID,
  PHONESET_ERROR_PARSE,
  PHONESET_ERROR_NOT_FOUND,
  PHONESET_ERROR_UNSUPPORTED,
  PHONESET_ERROR_AUTH,
  PHONESET_ERROR_FORBIDDEN,
  PHONESET_ERROR_TIMEOUT,
  PHONESET_ERROR_UNREACHABLE,
  PHONESET_ERROR_FAILED,
} PhonesetError;

/**
 * PhonesetFault:
 * @PHONESET_FAULT_NONE: nothing more is known than the error code
 * @PHONESET_FAULT_SERVER_ERROR: the peer's server answered with a 5xx status
 * @PHONESET_FAULT_NOT_HTTP: the peer answered with something that is not HTTP
 * @PHONESET_FAULT_RESET: the peer reset the connection instead of answering
 *
 * What a %PHONESET_ERROR_FAILED error was, for a title in plain words; the
 * error code stays %PHONESET_ERROR_FAILED.
 */
typedef enum
{
  PHONESET_FAULT_NONE,
  PHONESET_FAULT_SERVER_ERROR,
  PHONESET_FAULT_NOT_HTTP,
  PHONESET_FAULT_RESET,
} PhonesetFault;

GQuark        phoneset_error_quark     (void);
PhonesetFault phoneset_error_get_fault (const GError *error);
void          phoneset_error_set_fault (GError       *error,
                                        PhonesetFault fault);

G_END_DECLS
