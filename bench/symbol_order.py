#!/usr/bin/env python3
"""Prints the functions of one executable that callgrind profiles saw run, heaviest first.

Usage: symbol_order.py EXECUTABLE_NAME CALLGRIND_FILE...

Each function is counted with its own instructions (not its callees'), summed over the files, and
printed by its symbol name as the linker knows it: the profiles must be made with
`valgrind --tool=callgrind --demangle=no`. Functions of other objects (libc, libcurl...) and
addresses without a symbol are left out. The output is `bench/symbol-order.sh`'s
`Sources/newswired/symbol-order.txt`, the linker's `--symbol-ordering-file`.
"""
import collections
import os
import re
import sys

DEFINITION = re.compile(r"(c?(?:ob|fn))=\((\d+)\)(?: (.*))?$")


def self_costs(path, executable):
    """Instructions per function of `executable` in one callgrind file (compressed names)."""
    objects, functions = {}, {}
    costs = collections.Counter()
    current_object = current_function = None
    after_calls = False
    with open(path, errors="replace") as profile:
        for line in profile:
            line = line.rstrip("\n")
            match = DEFINITION.match(line)
            if match:
                kind, number, name = match.groups()
                table = objects if kind.endswith("ob") else functions
                if name:
                    table[number] = name
                if kind == "ob":
                    current_object = objects.get(number)
                elif kind == "fn":
                    current_function = (current_object, functions.get(number))
                continue
            if line.startswith("calls="):
                after_calls = True  # the next cost line is the call's inclusive cost, not self cost
                continue
            if line[:1].isdigit() or line[:1] in "+-*":
                if after_calls:
                    after_calls = False
                    continue
                fields = line.split()
                if len(fields) >= 2 and current_function:
                    costs[current_function] += int(fields[1])
    return collections.Counter(
        {name: cost for (obj, name), cost in costs.items()
         if obj and os.path.basename(obj) == executable and name and not name.startswith("0x")})


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    executable, paths = sys.argv[1], sys.argv[2:]
    total = collections.Counter()
    for path in paths:
        total.update(self_costs(path, executable))
    if not total:
        sys.exit(f"symbol_order.py: no function of {executable} in {' '.join(paths)}")
    for name, _ in sorted(total.items(), key=lambda item: (-item[1], item[0])):
        print(name)


if __name__ == "__main__":
    main()
