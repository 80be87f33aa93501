#!/usr/bin/python3
# tests/notification-server.py LOG
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A stand-in notification service for tests: owns org.freedesktop.Notifications on the test's
# own session bus, writes each Notify call as one JSON line to LOG, and can emit
# ActionInvoked on request (org.craftcompanion.TestNotifications.Invoke), as a person
# clicking would.
import json
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
  <interface name="org.craftcompanion.TestNotifications">
    <method name="Invoke"><arg type="u" direction="in"/><arg type="s" direction="in"/></method>
  </interface>
</node>
"""

log_path = sys.argv[1]
next_id = [1]
connection = [None]


def emit(name, params):
    connection[0].emit_signal(None, "/org/freedesktop/Notifications",
                              "org.freedesktop.Notifications", name, params)


def on_call(conn, sender, path, interface, method, params, invocation):
    if method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("test", "craft", "1", "1.2")))
    elif method == "Notify":
        app, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
        nid = replaces or next_id[0]
        next_id[0] += 1
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"id": nid, "app": app, "summary": summary, "body": body,
                                  "actions": actions,
                                  "hints": {k: str(v) for k, v in hints.items()}}) + "\n")
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "CloseNotification":
        emit("NotificationClosed", GLib.Variant("(uu)", (params[0], 3)))
        invocation.return_value(None)
    elif method == "Invoke":
        nid, action = params.unpack()
        emit("ActionInvoked", GLib.Variant("(us)", (nid, action)))
        emit("NotificationClosed", GLib.Variant("(uu)", (nid, 2)))
        invocation.return_value(None)


def on_bus(conn, name):
    connection[0] = conn
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    for iface in node.interfaces:
        conn.register_object("/org/freedesktop/Notifications", iface, on_call, None, None)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications",
                 Gio.BusNameOwnerFlags.NONE, on_bus, None, lambda *a: sys.exit(1))
GLib.MainLoop().run()
