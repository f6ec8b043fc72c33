/* phoneset-phone-view-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of PhonesetPhoneView, shared by its parts
 * (phoneset-phone-view.c, phoneset-phone-view-import.c).
 */

#pragma once

#include "phoneset-config-history.h"
#include "phoneset-context.h"
#include "phoneset-phone-view.h"
#include "phoneset-secret-store.h"

G_BEGIN_DECLS

struct _PhonesetPhoneView
{
  AdwBin                 parent_instance;

  /* Owned references */
  PhonesetContext       *context;
  PhonesetSecretStore   *secrets;
  PhonesetPhone         *phone;
  GPtrArray             *profiles;
  PhonesetConfigHistory *history;
  GCancellable          *cancellable;

  /* Template widgets */
  AdwHeaderBar          *header_bar;
  AdwWindowTitle        *title;
  GtkWidget             *back_button;
  GtkMenuButton         *primary_menu_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkListBox            *page_list;
  GtkListBoxRow         *current_row; /* the page shown; the list has no selection */
  AdwViewStack          *stack;
  GtkWidget             *page_sidebar;
  GtkWidget             *page_separator;
  GtkWidget             *undo_box;
  GtkWidget             *export_button;
  GtkDropDown           *page_dropdown;
  GtkStringList         *page_titles;
  GPtrArray             *page_names;

  /* Borrowed */
  AdwPreferencesGroup   *search_group;
  AdwActionRow          *changes_row;
  GPtrArray             *search_rows;
  char                  *page_before_search;

  /* What the last import found odd: setting id → message (rows marked),
   * and every warning, for the Details dialog */
  GHashTable            *problems;
  GPtrArray             *import_warnings;

  /* Password settings the keyring could not give (ids), and the one being
   * filled in from it (phoneset-phone-view-secrets.c) */
  GHashTable            *secrets_unread;
  const char            *secret_loading;
};

PhonesetProfile *_phoneset_phone_view_get_profile           (PhonesetPhoneView *self);
void             _phoneset_phone_view_toast                 (PhonesetPhoneView *self,
                                                             const char        *message);
void             _phoneset_phone_view_show_error            (PhonesetPhoneView *self,
                                                             const char        *heading,
                                                             const char        *message);
void             _phoneset_phone_view_rebuild               (PhonesetPhoneView *self);
gboolean         _phoneset_phone_view_import_bytes          (PhonesetPhoneView *self,
                                                             GBytes            *bytes,
                                                             const char        *name,
                                                             GError           **error);
void             _phoneset_phone_view_import_action         (GtkWidget         *widget,
                                                             const char        *action_name,
                                                             GVariant          *parameter);
void             _phoneset_phone_view_import_details_action (GtkWidget         *widget,
                                                             const char        *action_name,
                                                             GVariant          *parameter);
void             _phoneset_phone_view_export_action         (GtkWidget         *widget,
                                                             const char        *action_name,
                                                             GVariant          *parameter);
void             _phoneset_phone_view_mark_problem          (PhonesetPhoneView *self,
                                                             GtkWidget         *row);
void             _phoneset_phone_view_mark_secret           (PhonesetPhoneView *self,
                                                             GtkWidget         *row);
void             _phoneset_phone_view_load_secrets          (PhonesetPhoneView *self);
void             _phoneset_phone_view_watch_secrets         (PhonesetPhoneView *self,
                                                             PhonesetConfig    *config);

G_END_DECLS
