#!/usr/bin/python3
# test-recheck.py: a person who objected from two Facebook accounts under the
# first version of the steps opens Veto after the objection changed. The
# overview says so once, in one row naming both accounts, with the reason on
# one line; a screen reader hears the reason whole; the row leads to the
# objection. A setting done once for every account (Accounts Center) is due
# too: its row names the app alone. The real binary, over AT-SPI.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import veto_e2e as e2e

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
T = {
    "overview": "Vue d’ensemble" if fr else "Overview",
    "due": "À revérifier" if fr else "Due for a recheck",
    "card_due": "À revérifier\u00a0: " if fr else "Due for a recheck: ",
}

catalog = e2e.bundled_catalog()
locale = "fr" if fr else None
step_title = catalog.get_locale_string("Step facebook-object", "Title", locale)
# the newest change of the step, shown without its [[source]] markers
reason = e2e.strip_markers(catalog.get_locale_string("Changes 3 facebook-objection", "Summary", locale))
once_title = catalog.get_locale_string("Step facebook-activity-other-businesses", "Title", locale)
once_reason = e2e.strip_markers(catalog.get_locale_string("Changes 2 activity", "Summary", locale))


def lead_of(step):
    return e2e.card_lead(catalog, step, locale)

tap = e2e.Tap()
home = e2e.Home()

# Both objections confirmed in January 2026, under version 1 of the steps.
home.write_progress("[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=1\n\n"
                    "[Account facebook 1]\nLabel=Perso\n\n[Account facebook 2]\nLabel=Travail\n\n"
                    + "".join(f"[Step facebook-object {account}]\nState=confirmed\nSubmitted=2026-01-10T09:00:00Z\n"
                              "Confirmed=2026-01-11T09:00:00Z\nUpdated=2026-01-11T09:00:00Z\nCatalogVersion=1\n\n"
                              for account in ("1", "2"))
                    + "[Step facebook-activity-other-businesses]\nState=done\nUpdated=2026-01-11T09:00:00Z\n"
                      "CatalogVersion=1\n\n"
                    + "[End]\n")


def rows_of(node):
    return [n for n in e2e.walk(node) if e2e.role_name(n) in ("list item", "row", "push button")]


veto = e2e.Veto(home, language)
try:
    veto.wait_for_app()
    frame = veto.frames()[0]
    due = e2e.wait_for(frame, role="list", contains=T["due"])
    if not tap.ok(due is not None, f"the overview has a list “{T['due']}”"):
        print("# " + e2e.dump(frame).replace("\n", "\n# "))
        raise SystemExit(tap.done())

    rows = rows_of(due)
    tap.ok(len(rows) == 2, f"one row for the objection due on two accounts, one for the setting (found {len(rows)})")
    once = [r for r in rows if e2e.name_of(r) == once_title]
    said = e2e.description_of(once[0]) if once else ""
    tap.ok(said == "Facebook — " + once_reason,
           f"a setting done once for every account is said with its app alone ({said[:40]!r}…)")
    rows = [r for r in rows if e2e.name_of(r) != once_title]
    row = rows[0] if rows else None
    name = e2e.name_of(row) if row else ""
    described = e2e.description_of(row) if row else ""
    tap.ok(name == step_title, f"it is named after the step ({name!r})")
    tap.ok("Perso" in described and "Travail" in described and described.index("Perso") < described.index("Travail"),
           f"its description names both accounts, in order ({described[:60]!r}…)")
    tap.ok(described.endswith(reason),
           "and says the reason whole, though the row shows one line of it")

    if row is not None:
        e2e.click(row)
    card_due = None
    end = time.monotonic() + 10
    while card_due is None and time.monotonic() < end:
        for node in e2e.walk(frame):
            if (e2e.role_name(node) in ("panel", "grouping") and e2e.name_of(node) == "Facebook"):
                card_due = e2e.wait_for(node, role="label", name=T["card_due"] + reason, timeout=0.5)
        time.sleep(0.1)
    if not tap.ok(card_due is not None, "the row leads to the objection, which says why it is due"):
        print("# " + e2e.dump(frame).replace("\n", "\n# "))
    # The card shows its line under the title once, above both accounts'
    # rows: a screen reader hears it with the first row's main button.
    lead = lead_of("facebook-object")
    card = next((n for n in e2e.walk(frame)
                 if e2e.role_name(n) in ("panel", "grouping") and e2e.name_of(n) == step_title), None)
    buttons = [n for n in e2e.walk(card) if e2e.role_name(n) in ("push button", "toggle button")] if card else []
    saying = [e2e.name_of(b) for b in buttons if e2e.description_of(b).endswith(lead)]
    # each account's row is named "<step> — <account>"
    rows = [n for n in e2e.walk(card) if e2e.role_name(n) in ("panel", "grouping")
            and e2e.name_of(n).startswith(step_title + " — ")] if card else []
    first = rows[0] if rows else None
    in_first = [e2e.name_of(b) for b in (e2e.walk(first) if first else [])
                if e2e.role_name(b) in ("push button", "toggle button") and e2e.description_of(b).endswith(lead)]
    tap.ok(len(saying) == 1 and in_first == saying,
           f"the card's line under its title is said once, by the first account's main button ({saying}, {in_first})")

    veto.close_cleanly(tap)
finally:
    veto.kill()
    home.cleanup()

tap.done()
