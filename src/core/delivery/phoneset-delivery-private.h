/* phoneset-delivery-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a delivery method is made of, for the files that implement one
 * (phoneset-delivery-*.c) and for PhonesetPush, which runs them.
 */

#pragma once

#include "phoneset-delivery.h"
#include "phoneset-push-result-private.h"
#include "phoneset-remote.h"

G_BEGIN_DECLS

/**
 * PhonesetDeliveryJob:
 * @remote: the phone
 * @url: where the file is served, on this computer
 * @local_address: this computer's address towards the phone
 * @sip_port: the phone's SIP port
 * @pnp_port: where a PnP responder listens (0: any free port)
 * @reboot: whether the method may restart the phone
 * @mac: (nullable): the phone's MAC, bare lower case; a method that hears
 *   it from the phone fills it in
 * @result: the push's result, for what the method hears from the phone
 * @held: (nullable): what the method keeps until the push stops (a
 *   responder the phone asks); the push drops it
 * @file: the file being pushed, for a method that gives the phone its
 *   settings itself (@direct)
 * @file_name: its name
 *
 * One push, as a method sees it. It belongs to the push and lives until
 * the method's tell_finish() has been called.
 */
typedef struct _PhonesetDeliveryJob
{
  PhonesetRemote     *remote;
  const char         *url;
  const char         *local_address;
  guint16             sip_port;
  guint16             pnp_port;
  gboolean            reboot;
  char               *mac;
  PhonesetPushResult *result;
  GObject            *held;
  GBytes             *file;
  const char         *file_name;
} PhonesetDeliveryJob;

/**
 * PhonesetDelivery:
 * @id: the method's name in `--via`, in results and as its widgets' name
 * @title: its name in the push dialog (N_())
 * @accessible_label: what a screen reader says for its choice (N_())
 * @description: what it does to the phone, for the user (N_())
 * @progress: what the push is doing while it tells the phone (N_())
 * @note: a note every result of a push this way carries (N_())
 * @unconfirmed: (nullable): why it is unconfirmed, if it rests on
 *   something no vendor documents (N_())
 * @cancelled: what a cancelled push leaves on the phone (N_())
 * @direct: the method gives the phone the file's settings itself and
 *   reads them back: nothing is served, nothing fetched, and the profile's
 *   `no_config_push` (no way to make it fetch a file) does not stop it
 * @check: whether a phone with this Active URI description can be pushed
 *   to this way at all, before anything is sent
 * @url_setting: (nullable): the setting the method changes on the phone
 *   to point it at the file, or %NULL for none
 * @prepare: (nullable): what must stand before the phone is told (a
 *   responder it will ask); may fail
 * @tell_async: makes the phone fetch @job's URL; finishes once the phone
 *   has taken the request (the fetch itself is the push's to see)
 * @tell_finish: the end of @tell_async
 *
 * A way to make a phone fetch its file: constant data and functions, one
 * file each (phoneset-delivery-ID.c), listed in phoneset-delivery.c.
 */
struct _PhonesetDelivery
{
  const char *id;
  const char *title;
  const char *accessible_label;
  const char *description;
  const char *progress;
  const char *note;
  const char *unconfirmed;
  const char *cancelled;
  gboolean    direct;

  gboolean    (*check)       (PhonesetActiveUri   *active_uri,
                              GError             **error);
  const char *(*url_setting) (PhonesetActiveUri   *active_uri);
  gboolean    (*prepare)     (PhonesetDeliveryJob *job,
                              GError             **error);
  void        (*tell_async)  (PhonesetDeliveryJob *job,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean    (*tell_finish) (PhonesetDeliveryJob *job,
                              GAsyncResult        *result,
                              GError             **error);
};

const char *_phoneset_delivery_get_note          (const PhonesetDelivery *self);
gboolean    _phoneset_delivery_prepare           (const PhonesetDelivery *self,
                                                  PhonesetDeliveryJob    *job,
                                                  GError                **error);
void        _phoneset_delivery_tell_async        (const PhonesetDelivery *self,
                                                  PhonesetDeliveryJob    *job,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
gboolean    _phoneset_delivery_tell_finish       (const PhonesetDelivery *self,
                                                  PhonesetDeliveryJob    *job,
                                                  GAsyncResult           *result,
                                                  GError                **error);

/* Shared by the methods that point the phone at the file by setting its
 * provisioning URL over HTTP. */
gboolean    _phoneset_delivery_check_url_settable (PhonesetActiveUri     *active_uri,
                                                   GError               **error);
const char *_phoneset_delivery_url_setting        (PhonesetActiveUri     *active_uri);
char       *_phoneset_delivery_build_set_url_path (PhonesetActiveUri     *active_uri,
                                                   const char            *url);
void        _phoneset_delivery_set_url_async      (PhonesetDeliveryJob   *job,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean    _phoneset_delivery_set_url_finish     (GAsyncResult          *result,
                                                   GError               **error);

G_END_DECLS
