/* src/review/craft-data-transfer.h
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "app/craft-window.h"
#include "store/craft-store-backup.h"

G_BEGIN_DECLS

/* The window's Export…, Import…, Back Up Now… and Restore from Backup… commands: each asks
 * for a file with the desktop's file chooser and then goes on as the _file() variant does. */
void craft_data_export         (CraftWindow *window);
void craft_data_import         (CraftWindow *window);
void craft_data_back_up        (CraftWindow *window);
void craft_data_restore        (CraftWindow *window);

/* Exports to @file (CSV when its name ends in ".csv", otherwise JSON), then says where it
 * went and that the file is not protected; an error is shown in plain words. */
void craft_data_export_file    (CraftWindow *window,
                                GFile       *file);
/* Reads and checks @file, shows what it would add and, once confirmed, imports it in a
 * worker thread on a connection of its own, with a progress bar in @window. */
void craft_data_import_file    (CraftWindow *window,
                                GFile       *file);
/* Saves a backup copy to @file (replacing it: the file chooser asked), with a toast when
 * done. */
void craft_data_back_up_file   (CraftWindow *window,
                                GFile       *file);
/* Shows what the backup at @path holds and asks before restoring it. */
void craft_data_restore_file   (CraftWindow *window,
                                const char  *path);

/* What a backup holds, in two lines of words. */
char *craft_data_describe_backup (const CraftBackupInfo *info);

G_END_DECLS
