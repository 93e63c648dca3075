#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Prints what pykeepass (python3-pykeepass 4.0.3) reads from a KDBX file, in the canonical text form
# the interop tests render from cxf's own model (interop_test.cpp `render`):
#   pykeepass_dump.py FILE PASSWORD
# Text values are printed as UTF-8 hex so that any character survives; one line per fact.
import base64
import binascii
import datetime
import re
import sys

from pykeepass import PyKeePass

EPOCH_OFFSET = 62135596800  # seconds from 0001-01-01 to 1970-01-01


def h(text):
    return binascii.hexlify((text or '').encode('utf-8')).decode()


def seconds(text):
    text = (text or '').strip()
    try:
        raw = base64.b64decode(text, validate=True)
        if len(raw) == 8:
            return int.from_bytes(raw, 'little', signed=True) - EPOCH_OFFSET
    except binascii.Error:
        pass
    moment = datetime.datetime.strptime(text, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp())


def tags(text):
    return [t.strip() for t in re.split('[;,\t]', text or '') if t.strip()]


def custom_data(element, out, pad):
    for item in element.findall('CustomData/Item'):
        out.append(f"{pad}C {h(item.findtext('Key'))} {h(item.findtext('Value'))}")


def entry(kp, element, out, pad):
    out.append(f"{pad}E {element.findtext('UUID')} icon={element.findtext('IconID')}")
    out.append(f"{pad} colors {h(element.findtext('ForegroundColor'))} {h(element.findtext('BackgroundColor'))}"
               f" {h(element.findtext('OverrideURL'))}")
    times = element.find('Times')
    out.append(f"{pad} times {seconds(times.findtext('CreationTime'))} {seconds(times.findtext('LastModificationTime'))}"
               f" {seconds(times.findtext('ExpiryTime'))} {times.findtext('Expires')} {times.findtext('UsageCount')}")
    for tag in tags(element.findtext('Tags')):
        out.append(f"{pad} T {h(tag)}")
    for s in element.findall('String'):
        value = s.find('Value')
        protected = 1 if value is not None and value.get('Protected') == 'True' else 0
        out.append(f"{pad} S {h(s.findtext('Key'))} {h(value.text if value is not None else '')} {protected}")
    for b in element.findall('Binary'):
        data = kp.binaries[int(b.find('Value').get('Ref'))]
        out.append(f"{pad} A {h(b.findtext('Key'))} {binascii.hexlify(data).decode()}")
    auto = element.find('AutoType')
    if auto is not None:
        out.append(f"{pad} autotype {auto.findtext('Enabled')} {h(auto.findtext('DefaultSequence'))}")
        for a in auto.findall('Association'):
            out.append(f"{pad}  window {h(a.findtext('Window'))} {h(a.findtext('KeystrokeSequence'))}")
    custom_data(element, out, pad + ' ')
    for old in element.findall('History/Entry'):
        out.append(f"{pad} H")
        entry(kp, old, out, pad + '  ')


def group(kp, element, out, pad):
    out.append(f"{pad}G {element.findtext('UUID')} {h(element.findtext('Name'))} {h(element.findtext('Notes'))}"
               f" icon={element.findtext('IconID')}")
    for tag in tags(element.findtext('Tags')):
        out.append(f"{pad} T {h(tag)}")
    custom_data(element, out, pad + ' ')
    for child in element:
        if child.tag == 'Entry':
            entry(kp, child, out, pad + ' ')
        elif child.tag == 'Group':
            group(kp, child, out, pad + ' ')


kp = PyKeePass(sys.argv[1], password=sys.argv[2])
meta = kp.tree.find('Meta')
out = [f"meta {h(meta.findtext('Generator'))} {h(meta.findtext('DatabaseName'))} {h(meta.findtext('DatabaseDescription'))}"
       f" {h(meta.findtext('DefaultUserName'))} {meta.findtext('RecycleBinUUID')}"]
custom_data(meta, out, '')
group(kp, kp.tree.find('Root/Group'), out, '')
print('\n'.join(out))
