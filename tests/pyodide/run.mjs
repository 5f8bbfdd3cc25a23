// Run a Python file inside Pyodide (CPython compiled to WebAssembly, as xlwings Lite runs
// it) under Node, offline, with this checkout's kpixl importable.
//
//   node tests/pyodide/run.mjs SCRIPT.py [INPUT.json]
//
// Pyodide comes from ./node_modules (`make pyodide`), never from a CDN. The checkout's
// kpixl/, tests/ and benchmarks/ Python files are copied into Pyodide's in-memory file
// system under /repo (so nothing inside can write to the checkout), and /repo goes first
// on sys.path. INPUT.json, if given, is parsed here and converted with pyodide.toPy (as
// xlwings Lite converts what Excel sends: arrays of rows, null for blank cells); the
// script sees it as the global INPUT, and PYODIDE_START_S is how long the start took.
// The script leaves its result, anything json.dumps takes, in the global RESULT; that JSON
// is the only thing written to stdout (the script's own prints go to stderr). An error in
// Python exits 1 with the traceback on stderr; wrong usage exits 64.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadPyodide } from "pyodide";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const copied = ["kpixl", "tests", "benchmarks"];
const skipped = new Set(["__pycache__", "node_modules", "snapshots", ".hypothesis"]);

const [scriptArg, inputArg, ...extra] = process.argv.slice(2);
if (!scriptArg || extra.length) {
  process.stderr.write("usage: node tests/pyodide/run.mjs SCRIPT.py [INPUT.json]\n");
  process.exit(64);
}

// The tests must not depend on the network: any fetch Pyodide tried (a package, a CDN
// file) fails loudly instead of silently downloading.
globalThis.fetch = async (url) => {
  throw new Error(`no network here: Pyodide tried to fetch ${url}`);
};

function copyTree(py, src, dest, onlyPython) {
  py.FS.mkdirTree(dest);
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const from = path.join(src, entry.name);
    const to = `${dest}/${entry.name}`;
    if (entry.isDirectory()) copyTree(py, from, to, onlyPython);
    else if (entry.isFile() && (!onlyPython || entry.name.endsWith(".py")))
      py.FS.writeFile(to, readFileSync(from));
  }
}

const started = performance.now();
let py;
try {
  py = await loadPyodide({
    indexURL: path.join(here, "node_modules", "pyodide") + path.sep,
    stdout: (line) => process.stderr.write(line + "\n"),
    stderr: (line) => process.stderr.write(line + "\n"),
  });
} catch (err) {
  process.stderr.write(`Pyodide did not start: ${err?.stack ?? err}\n`);
  process.exit(1);
}
const startSeconds = (performance.now() - started) / 1000;

for (const dir of copied) copyTree(py, path.join(root, dir), `/repo/${dir}`, dir !== "kpixl");

// A script inside the checkout runs from its copy (tracebacks then name /repo/...);
// one from elsewhere (a test's temporary file) is copied in on its own.
const script = path.resolve(scriptArg);
const rel = path.relative(root, script);
let scriptInPyodide;
if (!rel.startsWith("..") && copied.includes(rel.split(path.sep)[0]) && rel.endsWith(".py")) {
  scriptInPyodide = `/repo/${rel.split(path.sep).join("/")}`;
} else {
  py.FS.mkdirTree("/script");
  scriptInPyodide = `/script/${path.basename(script)}`;
  py.FS.writeFile(scriptInPyodide, readFileSync(script));
}

const input = inputArg === undefined ? null : JSON.parse(readFileSync(inputArg, "utf8"));
const globals = py.toPy({
  _script: scriptInPyodide,
  _input: input,
  _start_s: startSeconds,
});

try {
  const out = await py.runPythonAsync(
    `
import json, runpy, sys
sys.path.insert(0, "/repo")
sys.dont_write_bytecode = True
_ns = runpy.run_path(
    _script, init_globals={"INPUT": _input, "PYODIDE_START_S": _start_s}, run_name="__main__"
)
if "RESULT" not in _ns:
    raise RuntimeError(f"{_script} set no RESULT: nothing to print")
json.dumps(_ns["RESULT"])
`,
    { globals },
  );
  process.stdout.write(out + "\n");
} catch (err) {
  // A PythonError's message is the Python traceback.
  process.stderr.write(`${err?.message ?? err}\n`);
  process.exit(1);
}
