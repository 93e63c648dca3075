# Reads a zip with Python's zipfile (an independent reader) and prints what the tests compare:
# "bad <first entry failing its CRC, or None>", "count <entries>", then one line per entry (at most
# the number given as the second argument): name, size, Unix mode, UTF-8 flag, date and time.
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as archive:
    print("bad", archive.testzip())
    entries = archive.infolist()
    print("count", len(entries))
    for info in entries[: int(sys.argv[2])]:
        print("entry", info.filename, info.file_size, oct(info.external_attr >> 16), bool(info.flag_bits & 0x800),
              "%04d-%02d-%02d %02d:%02d:%02d" % info.date_time)
