#!/usr/bin/python3
# test-weekly-check.py: the loop of rechecking, for real. A person confirmed
# their Facebook objection and allowed Veto to look for new steps once a week,
# without asking for reminders. The feed (https on 127.0.0.1, with a
# certificate of a CA made for this run) publishes a newer catalog, signed by
# a key made for this run, that changes the objection. `veto --remind`, as
# the session runs it at login, fetches it, and a notification service on a
# private session bus receives one notification that names the step. Then:
# within the week, no request; after a week, one request with the ETag, and
# no notification for what was already said; offline, nothing said and
# nothing recorded; the check off, no request at all. The progress file is
# never rewritten.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later

import http.server
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

import veto_e2e as e2e  # noqa: E402

language = sys.argv[1] if len(sys.argv) > 1 else "en"
fr = language == "fr"
NOW = "2026-12-20T09:00:00Z"

catalog = e2e.bundled_catalog()
locale = "fr" if fr else None
version = catalog.get_integer("Catalog", "Version")
new_version = version + 1
step_title = catalog.get_locale_string("Step facebook-object", "Title", locale)
summary_en = "Meta moved the objection form to a new page: open it from Veto and check that your objection is still recorded."
summary_fr = "Meta a déplacé le formulaire d’opposition vers une nouvelle page\u00a0: ouvrez-le depuis Veto et vérifiez que votre opposition est toujours enregistrée."
T = {
    "title": "Meta a modifié le formulaire de Facebook\u00a0: revérifiez votre opposition" if fr
             else "Meta changed Facebook’s form: check your objection again",
    "summary": summary_fr if fr else summary_en,
}

tap = e2e.Tap()
work = tempfile.mkdtemp(prefix="veto-weekly-")


def run(argv, **kwargs):
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


# --- a certificate authority and a server certificate for 127.0.0.1 ---
ca_key, ca_pem = os.path.join(work, "ca.key"), os.path.join(work, "ca.pem")
srv_key, srv_csr, srv_pem = (os.path.join(work, n) for n in ("srv.key", "srv.csr", "srv.pem"))
ext = os.path.join(work, "srv.ext")
with open(ext, "w") as f:
    f.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
run(["openssl", "req", "-x509", *ec, "-keyout", ca_key, "-out", ca_pem, "-days", "2",
     "-subj", "/CN=Veto test CA", "-addext", "basicConstraints=critical,CA:TRUE",
     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
run(["openssl", "req", *ec, "-keyout", srv_key, "-out", srv_csr, "-subj", "/CN=127.0.0.1"])
run(["openssl", "x509", "-req", "-in", srv_csr, "-CA", ca_pem, "-CAkey", ca_key, "-CAcreateserial",
     "-out", srv_pem, "-days", "2", "-extfile", ext])

# --- the newer catalog, signed as build-aux/publish-catalog signs it ---
with open(os.path.join(e2e.BUILD, "data", "catalog", "meta.steps"), encoding="utf-8") as f:
    text = f.read()
text, n = re.subn(r"^Version=%d$" % version, "Version=%d" % new_version, text, count=1, flags=re.M)
assert n == 1
# the source and its passage come from the bundled catalog's own change of
# the objection: the loader holds a change to the rules of every claim
old = re.search(r"^\[Changes %d facebook-objection\]\n(.*?)(?=^\[|\Z)" % version, text, flags=re.M | re.S).group(1)
marker = re.search(r"\[\[([a-z0-9-]+)\]\]", old).group(1)
quote = re.search(r"^Quote-%s=.*$" % re.escape(marker), old, flags=re.M).group(0)
text = text.rstrip("\n") + "\n\n" + (
    f"[Changes {new_version} facebook-form]\n"
    f"Summary[fr]={summary_fr} [[{marker}]]\n"
    f"Summary={summary_en} [[{marker}]]\n"
    "Steps=facebook-object;\n"
    f"{quote}\n")
feed = os.path.join(work, "feed")
os.makedirs(feed)
body_path = os.path.join(feed, "meta.steps")
with open(body_path, "w", encoding="utf-8") as f:
    f.write(text)
run(["minisign", "-G", "-W", "-f", "-p", os.path.join(work, "test.pub"), "-s", os.path.join(work, "test.key")])
with open(os.path.join(work, "test.pub")) as f:
    public_key = f.read().splitlines()[1]
run(["minisign", "-S", "-s", os.path.join(work, "test.key"), "-m", body_path, "-x", body_path + ".minisig",
     "-t", f"version:{new_version} valid-until:2027-06-30"])
with open(body_path, "rb") as f:
    BODY = f.read()
with open(body_path + ".minisig", "rb") as f:
    SIGNATURE = f.read()
ETAG = '"v%d-weekly"' % new_version

# --- the feed: https on 127.0.0.1, every request recorded ---
requests = []


class Feed(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        requests.append((self.path, dict(self.headers.items())))
        if self.path == "/catalog/meta.steps":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            data = BODY
        elif self.path == "/catalog/meta.steps.minisig":
            data = SIGNATURE
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", ETAG)
        # a cookie offered: it must never come back
        self.send_header("Set-Cookie", "tracker=1; Path=/")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(srv_pem, srv_key)
server.socket = context.wrap_socket(server.socket, server_side=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
URL = "https://127.0.0.1:%d/catalog/meta.steps" % server.server_address[1]

# --- a private session bus (a socket in the file system, which a process
# without network still reaches) with a notification service on it ---
bus_dir = os.path.join(work, "bus")
os.makedirs(bus_dir)
bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                        "--address=unix:path=" + os.path.join(bus_dir, "socket")],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
bus_address = bus.stdout.readline().strip()

FDO_XML = """<node><interface name='org.freedesktop.Notifications'>
<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>
<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>
<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>
<arg type='u' direction='out'/></method>
<method name='GetCapabilities'><arg type='as' direction='out'/></method>
<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>
<arg type='s' direction='out'/><arg type='s' direction='out'/></method>
<method name='CloseNotification'><arg type='u' direction='in'/></method>
</interface></node>"""
notifications = []


def on_call(connection, sender, path, interface, method, params, invocation):
    if method == "Notify":
        notifications.append(params.unpack())
        invocation.return_value(GLib.Variant("(u)", (len(notifications),)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("test", "Veto", "1", "1.2")))
    else:
        invocation.return_value(None)


connection = Gio.DBusConnection.new_for_address_sync(
    bus_address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
    None, None)
info = Gio.DBusNodeInfo.new_for_xml(FDO_XML)
connection.register_object("/org/freedesktop/Notifications", info.interfaces[0], on_call, None, None)
reply = connection.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                             "RequestName", GLib.Variant("(su)", ("org.freedesktop.Notifications", 4)),
                             GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, -1, None)
assert reply.unpack()[0] == 1

# --- the person ---
home = e2e.Home()
progress = ("[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=%d\n\n"
            "[Account facebook 1]\nLabel=Perso\n\n"
            "[Step facebook-object 1]\nState=confirmed\nSubmitted=2026-12-08T09:00:00Z\n"
            "Confirmed=2026-12-10T09:00:00Z\nUpdated=2026-12-10T09:00:00Z\nCatalogVersion=%d\n\n"
            "[End]\n") % (version, version)
home.write_progress(progress)
settings_path = os.path.join(home.root, "config", "veto", "settings.ini")
cache_path = os.path.join(home.root, "cache", "veto", "meta.steps")


def write_settings(text):
    os.makedirs(os.path.dirname(settings_path), exist_ok=True)
    with open(settings_path, "w") as f:
        f.write("[Settings]\n" + text)


def read_settings():
    with open(settings_path) as f:
        return f.read()


def last_check():
    m = re.search(r"^LastCheck=(.*)$", read_settings(), flags=re.M)
    return m.group(1) if m else None


def remind(prefix=()):
    """`veto --remind` as the autostart entry runs it; the bus is served
    meanwhile, and a moment after, for what it flushed before exiting."""
    env = home.env(language)
    env.update({
        "DBUS_SESSION_BUS_ADDRESS": bus_address,
        "VETO_NOW": NOW,
        "TZ": "UTC",
        "GIO_USE_PROXY_RESOLVER": "dummy",
        "VETO_TEST_CATALOG_URL": URL,
        "VETO_TEST_CA_FILE": ca_pem,
        "VETO_TEST_CATALOG_KEY": public_key,
    })
    env.pop("DISPLAY", None)
    proc = subprocess.Popen([*prefix, e2e.VETO, "--remind"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = "", ""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.01)
    if proc.poll() is None:
        proc.kill()
    out, err = proc.communicate()
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.01)
    return proc.returncode, out, err


try:
    # 1. allowed, never checked: the newer steps arrive, and say what changed
    write_settings("RemindMe=false\nWeeklyCheck=true\n")
    status, out, err = remind()
    tap.ok(status == 0 and err == "" and out == "", f"--remind exits 0, silent (exit {status}, {err!r})")
    paths = [p for p, _ in requests]
    tap.ok(paths == ["/catalog/meta.steps", "/catalog/meta.steps.minisig"],
           f"one request for the steps, one for their signature ({paths})")
    headers = requests[0][1] if requests else {}
    lower = {k.lower(): v for k, v in headers.items()}
    tap.ok(lower.get("user-agent", "").startswith("Veto/") and " " not in lower.get("user-agent", " "),
           f"sent as “Veto/” and its version, nothing more ({lower.get('user-agent')!r})")
    tap.ok("cookie" not in lower and "accept-language" not in lower and "if-none-match" not in lower,
           f"no cookie, no language, no ETag yet ({sorted(lower)})")
    tap.ok(os.path.exists(cache_path) and open(cache_path, "rb").read() == BODY,
           "the signed newer steps are kept")
    tap.ok(len(notifications) == 1, f"one notification ({len(notifications)})")
    if notifications:
        app_name, _, _, summary, body, _, _, _ = notifications[0]
        tap.ok(summary == T["title"], f"it names what changed: {summary!r}")
        tap.ok(step_title in body and "Perso" in body and body.endswith(T["summary"]),
               f"and the step, its account and the change ({body!r})")
    else:
        tap.ok(False, "it names what changed")
        tap.ok(False, "and the step, its account and the change")
    tap.ok(last_check() == NOW, f"the check's time is kept ({last_check()!r})")
    tap.ok(home.progress() == progress, "the progress file is left byte for byte")

    # 2. within the week: no request, nothing new to say
    requests.clear()
    notifications.clear()
    status, out, err = remind()
    tap.ok(status == 0 and requests == [] and notifications == [],
           f"checked less than 7 days ago: no request, no notification ({status}, {len(requests)}, {len(notifications)})")

    # 3. a week later: one request with the ETag, answered 304; the change
    # was already said, so nothing is
    write_settings("RemindMe=false\nWeeklyCheck=true\nLastCheck=2026-12-13T09:00:00Z\n")
    status, out, err = remind()
    sent = {k.lower(): v for k, v in requests[0][1].items()} if requests else {}
    tap.ok(status == 0 and len(requests) == 1 and sent.get("if-none-match") == ETAG,
           f"after a week: one request, with the ETag ({[p for p, _ in requests]}, {sent.get('if-none-match')!r})")
    tap.ok(notifications == [], "nothing new: no notification")
    tap.ok(last_check() == NOW, "the check's time is kept again")

    # 4. offline: skipped without a word, not recorded
    requests.clear()
    write_settings("RemindMe=false\nWeeklyCheck=true\nLastCheck=2026-12-01T09:00:00Z\n")
    os.remove(cache_path)
    unshare = ["unshare", "--map-root-user", "--net"]
    if subprocess.run([*unshare, "true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
        status, out, err = remind(unshare)
        tap.ok(status == 0 and err == "" and out == "", f"offline: exit 0, nothing said ({status}, {err!r})")
        tap.ok(requests == [] and notifications == [], "no request, no notification about it")
        tap.ok(last_check() == "2026-12-01T09:00:00Z", "and no check recorded: it is tried at the next login")
    else:
        for what in ("offline: exit 0, nothing said", "no request, no notification", "no check recorded"):
            print(f"ok {tap.n + 1} # SKIP unshare --net is not allowed here ({what})")
            tap.n += 1

    # 5. the check off: no request at all, even with "Remind me" on
    write_settings("RemindMe=true\nWeeklyCheck=false\nLastCheck=2026-11-01T09:00:00Z\n")
    status, out, err = remind()
    tap.ok(status == 0 and requests == [], f"the weekly check off: no request ({len(requests)})")
    tap.ok(not os.path.exists(cache_path), "and nothing downloaded")
    tap.ok(home.progress() == progress, "the progress file is still byte for byte")
finally:
    server.shutdown()
    bus.terminate()
    bus.wait()
    home.cleanup()
    shutil.rmtree(work, ignore_errors=True)

tap.done()
