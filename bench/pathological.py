#!/usr/bin/env python3
"""Times `igfsite markdown` on the pathological inputs of cmark's test suite at two sizes,
ten times apart, and prints how the time grows: about ×10 is linear, ×100 quadratic.

    pathological.py IGFSITE [--size 20000]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

CASES = {
    "nested brackets": lambda n: "[" * n + "a" + "]" * n,
    "nested block quotes": lambda n: "> " * n + "a\n",
    "emphasis runs": lambda n: "*a **a " * n,
    "unclosed emphasis": lambda n: "_a " * n,
    "backtick runs": lambda n: "".join("`" * k + "a" for k in range(1, min(n, 2000) + 1)),
    "unclosed links": lambda n: "[a](b " * n,
    "link reference definitions": lambda n: "".join(f"[r{i}]: /u{i}\n" for i in range(n)) + "[r1]",
    "table with many columns": lambda n: "|a" * n + "|\n" + "|-" * n + "|\n" + "|b" * n + "|\n",
    "nested inline links": lambda n: "[" * n + "](x)" * n,
    "many autolinks": lambda n: "www.a.org " * n,
    "nested lists": lambda n: "".join("  " * (i % 100) + "- item\n" for i in range(n)),
}


def timed(igfsite, path):
    start = time.monotonic()
    subprocess.run([igfsite, "markdown", "--anchors", path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("igfsite")
    parser.add_argument("--size", type=int, default=20000)
    args = parser.parse_args()
    worst = 0
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':28} {args.size:>9,} {args.size * 10:>10,}  growth")
        for name, make in CASES.items():
            times = []
            for size in (args.size, args.size * 10):
                path = os.path.join(folder, "input.md")
                with open(path, "w") as handle:
                    handle.write("---\ntitle: x\n---\n" + make(size))
                times.append(timed(args.igfsite, path))
            # Process start-up (a few ms) is part of both times; the growth says enough.
            growth = times[1] / times[0]
            worst = max(worst, growth)
            print(f"{name:28} {times[0]:8.3f}s {times[1]:9.3f}s  ×{growth:.1f}")
    print(f"largest growth for ×10 input: ×{worst:.1f} ({'linear' if worst < 20 else 'NOT linear'})")
    sys.exit(0 if worst < 20 else 1)


if __name__ == "__main__":
    main()
