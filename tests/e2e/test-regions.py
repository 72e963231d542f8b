#!/usr/bin/python3
# test-regions.py: a person in France, one in the United Kingdom and one in
# Switzerland each sent their Facebook objection forty days ago and heard
# nothing. `veto --status`, the record they export (Markdown) and the
# window each name only their own law, deadline and authority: France the
# GDPR's month and the CNIL; the UK the ICO, after Meta; Switzerland no
# deadline at all, so nothing overdue, and no GDPR, CNIL or month. The real
# binary and the real clock, over AT-SPI, with the region pages and
# complaint routes of tests/lint/regions4.steps (`--catalog=FILE`).
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import subprocess
import sys
import time

import veto_e2e as e2e

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
# "bundled": the catalog Veto was built with, instead of the test catalog
BUNDLED = len(sys.argv) > 2 and sys.argv[2] == "bundled"
CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lint", "regions4.steps")
CATALOG_ARGS = [] if BUNDLED else [f"--catalog={CATALOG}"]

if fr:
    REGIONS = {
        "eu": {"must": ["CNIL", "1\u00a0mois", "délai dépassé depuis le"],
               "window": ["Portez plainte auprès de la CNIL (France)"],
               "never": ["nLPD", "PFPDT", "ICO", "ANPD", "LGPD", "aucun délai"]},
        "uk": {"must": ["ICO", "Meta, puis", "délai dépassé depuis le"],
               "window": ["Adressez une réclamation à Meta, puis à l’ICO"],
               "never": ["CNIL", "nLPD", "PFPDT", "ANPD", "LGPD", "aucun délai"]},
        "ch": {"must": ["Là où vous vivez, la loi ne fixe à Meta aucun délai pour répondre."],
               "window": ["Là où vous vivez, la loi ne fixe à Meta aucun délai pour répondre."],
               "never": ["RGPD", "article 12", "un mois", "1\u00a0mois", "1 mois", "CNIL", "ICO", "délai dépassé",
                         "Pas de réponse dans les temps", "ANPD", "LGPD"]},
    }
    RECORD_CH = "aucune\u00a0: la loi du lieu où vit la personne n’en fixe pas"
else:
    REGIONS = {
        "eu": {"must": ["CNIL", "1 month", "overdue since"],
               "window": ["Complain to the CNIL (France)"],
               "never": ["nFADP", "FDPIC", "ICO", "ANPD", "LGPD", "no deadline"]},
        "uk": {"must": ["ICO", "Meta, then", "overdue since"],
               "window": ["Complain to Meta, then to the ICO"],
               "never": ["CNIL", "nFADP", "FDPIC", "ANPD", "LGPD", "no deadline"]},
        "ch": {"must": ["The law where you live sets Meta no deadline to answer."],
               "window": ["The law where you live sets Meta no deadline to answer."],
               "never": ["GDPR", "Article 12(3)", "one month", "1 month", "CNIL", "ICO", "overdue",
                         "No Answer in Time", "ANPD", "LGPD"]},
    }
    RECORD_CH = "none: the law where the person lives sets no deadline"

tap = e2e.Tap()
sent = (datetime.date.today() - datetime.timedelta(days=40)).isoformat()


def labels(root):
    out = []
    for node in e2e.walk(root):
        if e2e.role_name(node) == "label":
            out.append(e2e.text_of(node))
        description = e2e.description_of(node)
        if description:
            out.append(description)
    return out


def check_text(where, text, region):
    spec = REGIONS[region]
    for word in spec["must"]:
        tap.ok(word in text, f"{region}: {where} says “{word}”")
    wrong = [word for word in spec["never"] if word in text]
    if not tap.ok(not wrong, f"{region}: {where} says nothing of another region ({wrong})"):
        print("# " + text.replace("\n", "\n# "))


def run_cli(home, *args):
    return subprocess.run([e2e.VETO, *CATALOG_ARGS, *args], env=home.env(language),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)


for region in ("eu", "uk", "ch"):
    home = e2e.Home()
    try:
        home.write_progress(f"[Veto]\nFormat=2\nRegion={region}\nApps=facebook;\n\n"
                            "[Account facebook 1]\nLabel=Perso\n\n"
                            f"[Step facebook-object 1]\nState=submitted\nSubmitted={sent}\n"
                            f"Updated={sent}T18:00:00Z\n\n[End]\n")

        status = run_cli(home, "--status")
        tap.ok(status.returncode == 1, f"{region}: --status exits 1, something pending ({status.stderr.strip()})")
        check_text("--status", status.stdout, region)

        record_path = os.path.join(home.root, "record.md")
        export = run_cli(home, f"--export={record_path}")
        tap.ok(export.returncode == 0, f"{region}: --export writes the record ({export.stderr.strip()})")
        record = open(record_path, encoding="utf-8").read() if os.path.exists(record_path) else ""
        # what the record tells its reader, without its annex of sources, whose
        # publishers' names ("Steiger Legal (quoting the FDPIC)") are not routes
        record = record.split("\n## Sources")[0]
        if region == "ch":
            tap.ok(RECORD_CH in record, f"ch: the record says that no deadline applies")
            wrong = [w for w in REGIONS["ch"]["never"] if w in record]
            tap.ok(not wrong, f"ch: the record says nothing of another region ({wrong})")
        else:
            check_text("the record", record, region)

        veto = e2e.Veto(home, language, args=CATALOG_ARGS)
        try:
            veto.wait_for_app()
            frame = veto.frames()[0]
            # from the overview, into Facebook's page by the objection's row
            # (listed as waiting for Meta, or as left unanswered)
            title = ("Opposez-vous à l’entraînement de l’IA sur votre compte Facebook" if fr
                     else "Object to AI training on your Facebook account")
            row = None
            end = time.monotonic() + 10
            while row is None and time.monotonic() < end:
                found = [n for n in e2e.find_all(frame) if e2e.role_name(n) in ("list item", "push button") and e2e.name_of(n) == title]
                row = found[0] if found else None
                time.sleep(0.1)
            if not tap.ok(row is not None, f"{region}: the overview lists the objection"):
                print("# " + e2e.dump(frame).replace("\n", "\n# "))
                continue
            e2e.click(row)
            want = REGIONS[region]["window"][0]
            end = time.monotonic() + 10
            texts = []
            while time.monotonic() < end and not any(want in t for t in texts):
                time.sleep(0.3)
                texts = labels(frame)
            shown = "\n".join(texts)
            tap.ok(any(want in t for t in texts), f"{region}: Facebook's page says “{want}”")
            wrong = [w for w in REGIONS[region]["never"] if w in shown]
            if not tap.ok(not wrong, f"{region}: the window says nothing of another region ({wrong})"):
                print("# " + shown.replace("\n", "\n# "))
            veto.close_cleanly(tap, region)
        finally:
            veto.kill()
    finally:
        home.cleanup()

sys.exit(tap.done())
