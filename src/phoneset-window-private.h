/* phoneset-window-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of PhonesetWindow, shared by its parts (phoneset-window.c,
 * phoneset-window-drafts.c, phoneset-window-scan.c,
 * phoneset-window-actions.c).
 */

#pragma once

#include "phoneset-context.h"
#include "phoneset-discovery.h"
#include "phoneset-drafts.h"
#include "phoneset-keyring-bar.h"
#include "phoneset-oui.h"
#include "phoneset-window.h"

G_BEGIN_DECLS

struct _PhonesetWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned references */
  PhonesetContext     *context;
  PhonesetInventory   *inventory;
  PhonesetCatalog     *catalog;
  GPtrArray           *profiles;
  GSettings           *settings;
  PhonesetSecretStore *secrets;
  guint                save_source;
  PhonesetDrafts      *drafts;
  GHashTable          *draft_phones; /* PhonesetPhone → itself: drafts to write */
  guint                draft_source;
  guint                edits; /* counts edits: a save clears only the drafts it covers */
  GPtrArray           *offer; /* Offer: drafts found at start, not yet answered */
  PhonesetDiscovery   *discovery;
  GCancellable        *scan_cancellable;
  GCancellable        *cancellable; /* reachability checks */
  PhonesetOuiRegistry *oui;         /* read at the first scan */
  gboolean             disposed;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  PhonesetKeyringBar  *keyring_bar;
  AdwLeaflet          *leaflet;
  GtkStack            *sidebar_stack;
  AdwStatusPage       *empty_page;
  GtkListView         *phone_list;
  GtkStack            *content_stack;
  AdwWindowTitle      *content_title;
  AdwStatusPage       *welcome_page;
  GtkMenuButton       *primary_menu_button;
  GtkButton           *scan_button;
  GtkRevealer         *scan_revealer;
  GtkLabel            *scan_label;
  GtkProgressBar      *scan_progress;

  /* Borrowed */
  PhonesetPhoneView   *view;
  GtkWindow           *stun_window; /* weak */
};

/* phoneset-window-drafts.c */
void _phoneset_window_save_now          (PhonesetWindow *self);
void _phoneset_window_save_blocking     (PhonesetWindow *self);
void _phoneset_window_schedule_save     (PhonesetWindow *self);
void _phoneset_window_write_drafts      (PhonesetWindow *self);
void _phoneset_window_load_drafts       (PhonesetWindow *self);
void _phoneset_window_phone_edited_cb   (PhonesetPhone  *phone,
                                         GParamSpec     *pspec,
                                         PhonesetWindow *self);

/* phoneset-window-scan.c */
void _phoneset_window_check_reachable   (PhonesetWindow *self,
                                         PhonesetPhone  *phone);
void _phoneset_window_add_demo_phones   (PhonesetWindow *self);
void _phoneset_window_scan_action       (GtkWidget      *widget,
                                         const char     *action_name,
                                         GVariant       *parameter);

/* phoneset-window-actions.c */
void _phoneset_window_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
