#!/bin/bash
# tests/check-po.sh SRCDIR
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every user-visible string must be translated into Swedish and Danish, nothing fuzzy, and
# the translations must pass the spelling dictionaries (with our reviewed word lists).
set -u
src=${1:?source dir}
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. Every file that has translatable strings is listed in POTFILES.in.
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/listed"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files --cached src ui resources > "$tmp/files"
else
  find src ui resources -type f > "$tmp/files"
fi
{ grep -lE '\b(N_|_|C_|ngettext)\(' $(grep '\.c$' "$tmp/files") ;
  grep -l 'translatable="yes"' $(grep '\.ui$' "$tmp/files") ;
  grep '^resources/program/session-.*\.xml$' "$tmp/files" ; } | sort -u > "$tmp/marked"
missing=$(comm -23 "$tmp/marked" <(sort -u "$tmp/listed"))
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:"; echo "$missing"; fail=1
fi
if ! LC_ALL=C sort -c "$tmp/listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"; fail=1
fi

# 2. A fresh template from today's sources, so a string added without updating the po files
#    is caught even though the po files themselves look complete.
GETTEXTDATADIRS="$src/po" xgettext --from-code=UTF-8 --add-comments=Translators: \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext:1,2 \
  --keyword=g_dngettext:2,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  -f "$tmp/listed" -o "$tmp/fresh.pot" 2> "$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }

for lang in sv da; do
  stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1 | tail -n 1)
  echo "po/$lang.po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*|*error*) echo "po/$lang.po is not complete"; fail=1 ;;
  esac
  if ! msgcmp "po/$lang.po" "$tmp/fresh.pot" 2> "$tmp/msgcmp.log"; then
    echo "po/$lang.po lacks translations of current strings:"; head -n 40 "$tmp/msgcmp.log"; fail=1
  fi
done

# 3. Spelling of the translations.
for pair in sv:sv_SE da:da_DK; do
  lang=${pair%%:*}; dict=${pair#*:}
  if ! command -v hunspell >/dev/null || [ ! -f "/usr/share/hunspell/$dict.dic" ]; then
    echo "hunspell or its $dict dictionary is missing"; fail=1; continue
  fi
  # Every translation on its own line (the header's msgstr is empty, its text continues on
  # lines of its own, which are left out), without placeholders and mnemonics.
  msgattrib --translated --no-fuzzy --no-obsolete --no-wrap "po/$lang.po" \
    | sed -n -E 's/^msgstr(\[[0-9]+\])? "(.*)"$/\2/p' \
    | sed -e 's/\\n/ /g' -e 's/\\"/"/g' -e 's/%[-0-9]*\$\?[a-z]//g' -e 's/_//g' \
          -e 's/[”»«“„]/ /g' > "$tmp/$lang.txt"
  words=$(LC_ALL=C.UTF-8 hunspell -i utf-8 -d "$dict" -p "po/wordlist-$lang.txt" -l < "$tmp/$lang.txt" | sort -u)
  if [ -n "$words" ]; then
    echo "po/$lang.po: words not in the $dict dictionary nor po/wordlist-$lang.txt:"
    echo "$words"
    fail=1
  fi
done

exit $fail
