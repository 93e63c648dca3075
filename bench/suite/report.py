#!/usr/bin/python3
"""Turns bench/run.sh's measurements into Markdown: per operation and size the medians of wall time,
CPU time (user+sys) and peak RSS; the work without the fixed cost (the same operation on the 1-entry
vault: start-up and the KDF) as entries per second per core; peak RSS per decrypted input byte; the
growth from size to size; the KDF next to libargon2's own CLI; and issue 13's targets at the largest size.
usage: report.py RESULTS.tsv WORK_DIR   (RESULTS.tsv: size, operation, input kind, wall, user, sys, KiB)
"""
import collections
import statistics
import sys

MIB = 1 << 20


def load(path):
    runs, kinds = collections.defaultdict(list), {}
    for line in open(path, encoding="utf-8"):
        size, op, kind, wall, user, sys_time, kib = line.rstrip("\n").split("\t")
        runs[(op, int(size))].append((float(wall), float(user) + float(sys_time), int(kib) * 1024))
        kinds[op] = kind
    return {key: tuple(statistics.median(column) for column in zip(*values)) for key, values in runs.items()}, kinds


def decrypted_sizes(work, size):
    with open(f"{work}/vault-{size}.decrypted.tsv", encoding="utf-8") as f:
        return {kind: int(n) for kind, n in (line.split("\t") for line in f)}


def short(n):
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def work_cpu(medians, op, size):
    """CPU seconds above the 1-entry run of the same operation (start-up and KDF), or None."""
    extra = medians[(op, size)][1] - medians[(op, 1)][1]
    return extra if extra > 0 else None


def work_wall(medians, op, size):
    """Wall seconds above the 1-entry run of the same operation, or None."""
    extra = medians[(op, size)][0] - medians[(op, 1)][0]
    return extra if extra > 0 else None


def main():
    medians, kinds = load(sys.argv[1])
    work = sys.argv[2]
    sizes = sorted({size for _, size in medians if size > 1})
    ops = [op for op in kinds if kinds[op] != "kdf"]
    print("| operation | entries | wall s | CPU s | CPU − fixed s | entries/s/core | peak RSS MiB | RSS ÷ decrypted input |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for op in ops:
        for size in sizes:
            wall, cpu, rss = medians[(op, size)]
            extra = work_cpu(medians, op, size)
            rate = f"{size / extra:,.0f}" if extra else "n/a"
            ratio = rss / decrypted_sizes(work, size)[kinds[op]]
            extra_text = f"{extra:.2f}" if extra else "n/a"
            print(f"| {op} | {size:,} | {wall:.2f} | {cpu:.2f} | {extra_text} | {rate} | {rss / MIB:.0f} | {ratio:.2f} × |")

    print("\nFixed cost: the same operations on the 1-entry vault (start-up, and the KDF where a KDBX is read or written):\n")
    print("| operation | wall s | CPU s | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: |")
    for op in ops:
        wall, cpu, rss = medians[(op, 1)]
        print(f"| {op} | {wall:.3f} | {cpu:.3f} | {rss / MIB:.0f} |")

    print("\nDecrypted input sizes (bytes): " + "; ".join(
        f"{size:,} entries: " + ", ".join(f"{kind} {n:,}" for kind, n in decrypted_sizes(work, size).items())
        for size in sizes))

    if len(sizes) > 1:
        steps = list(zip(sizes, sizes[1:]))
        header = " | ".join(f"{short(a)}→{short(b)}" for a, b in steps)
        print("\nGrowth (entries " + ", ".join(f"×{b / a:g}" for a, b in steps) + "): CPU − fixed, then peak RSS\n")
        print(f"| operation | CPU − fixed {header} | peak RSS {header} |")
        print("| --- |" + " ---: |" * (2 * len(steps)))
        for op in ops:
            cpu = [work_cpu(medians, op, b) / work_cpu(medians, op, a) if work_cpu(medians, op, a) and work_cpu(medians, op, b)
                   else None for a, b in steps]
            rss = [medians[(op, b)][2] / medians[(op, a)][2] for a, b in steps]
            cells = [f"×{g:.2f}" if g else "n/a" for g in cpu] + [f"×{g:.2f}" for g in rss]
            print(f"| {op} | " + " | ".join(cells) + " |")

    argon2 = next(op for op in kinds if kinds[op] == "kdf")
    a_wall, a_cpu, _ = medians[(argon2, 1)]
    k_wall = medians[("KDBX read (cxf inspect)", 1)][0] - medians[("CXF archive read (cxf inspect)", 1)][0]
    k_cpu = medians[("KDBX read (cxf inspect)", 1)][1] - medians[("CXF archive read (cxf inspect)", 1)][1]
    print("\nKDF alone (medians): cxf = `cxf inspect` of the 1-entry KDBX minus `cxf inspect` of the 1-entry CXF archive;\n"
          f"libargon2 = `{argon2}`, the whole process.\n")
    print("| KDF | wall s | CPU s | CPU ÷ wall |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| cxf | {k_wall:.3f} | {k_cpu:.3f} | {k_cpu / k_wall:.2f} |")
    print(f"| libargon2 `argon2` CLI | {a_wall:.3f} | {a_cpu:.3f} | {a_cpu / a_wall:.2f} |")
    print(f"| cxf ÷ libargon2 | {k_wall / a_wall:.2f} | {k_cpu / a_cpu:.2f} | |")

    top = sizes[-1]
    theirs = "keepassxc-cli export -f xml"
    cxf_ops = [op for op in ops if op not in (theirs, "pykeepass open + read all")]
    print(f"\nIssue 13's targets at {top:,} entries:\n")
    for ours in ("KDBX → CXF JSON", "KDBX → CXF archive"):
        if not (work_cpu(medians, ours, top) and work_cpu(medians, theirs, top)):
            continue
        wall = ""
        if work_wall(medians, ours, top) and work_wall(medians, theirs, top):
            wall = f"{work_wall(medians, theirs, top) / work_wall(medians, ours, top):.1f}× cxf's wall time and "
        print(f"- {ours} vs `{theirs}`, without the fixed cost: "
              f"keepassxc-cli takes {wall}{work_cpu(medians, theirs, top) / work_cpu(medians, ours, top):.1f}× cxf's CPU "
              f"(target ≥ 10× faster); cxf's peak RSS is {100 * medians[(ours, top)][2] / medians[(theirs, top)][2]:.0f} % "
              "of keepassxc-cli's (target ≤ 25 %).")
    rates = {op: top / work_cpu(medians, op, top) for op in cxf_ops if work_cpu(medians, op, top)}
    slowest = min(rates, key=rates.get)
    print(f"- Slowest cxf operation: {slowest}, {rates[slowest]:,.0f} entries/s/core (target ≥ 100,000).")
    ratios = {op: medians[(op, top)][2] / decrypted_sizes(work, top)[kinds[op]] for op in cxf_ops}
    fattest = max(ratios, key=ratios.get)
    print(f"- Largest peak RSS ÷ decrypted input: {fattest}, {ratios[fattest]:.2f} × (target ≤ 3 ×).")


if __name__ == "__main__":
    main()
