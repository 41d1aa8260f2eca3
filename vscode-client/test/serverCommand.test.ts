import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveServerCommand, type Lookup } from "../src/serverCommand";

function lookup(executables: string[], overrides: Partial<Lookup> = {}): Lookup {
  return {
    configured: "",
    workspaceFolders: ["/ws"],
    pathEnv: "/usr/local/bin:/usr/bin",
    platform: "linux",
    isExecutable: (file) => executables.includes(file),
    ...overrides,
  };
}

test("the configured command wins when it is executable", () => {
  const found = lookup(["/opt/pe/polyedit", "/ws/.venv/bin/polyedit"], { configured: "/opt/pe/polyedit" });
  assert.deepEqual(resolveServerCommand(found), {
    command: "/opt/pe/polyedit",
    source: "the polyedit.server.command setting",
  });
});

test("a configured bare name is looked up on PATH", () => {
  const found = resolveServerCommand(lookup(["/usr/bin/polyedit-dev"], { configured: "polyedit-dev" }));
  assert.deepEqual(found, { command: "/usr/bin/polyedit-dev", source: "the polyedit.server.command setting (found on PATH)" });
});

test("a configured command that does not exist is an error naming it and the fix", () => {
  const found = resolveServerCommand(lookup(["/usr/bin/polyedit"], { configured: "/nope/polyedit" }));
  assert.ok("error" in found);
  assert.match(found.error, /'\/nope\/polyedit', which is not an executable file/);
  assert.match(found.error, /pip install polyedit/);
});

test("without a setting the workspace .venv comes before PATH", () => {
  const found = resolveServerCommand(lookup(["/ws/.venv/bin/polyedit", "/usr/bin/polyedit"]));
  assert.deepEqual(found, { command: "/ws/.venv/bin/polyedit", source: "the workspace's .venv" });
});

test("then the first PATH entry that has it", () => {
  const found = resolveServerCommand(lookup(["/usr/bin/polyedit"]));
  assert.deepEqual(found, { command: "/usr/bin/polyedit", source: "PATH" });
});

test("Windows uses Scripts\\polyedit.exe and ';' between PATH entries", () => {
  const found = resolveServerCommand(
    lookup(["C:\\tools/polyedit.exe"], { platform: "win32", pathEnv: "C:\\bin;C:\\tools", workspaceFolders: [] }),
  );
  assert.ok("command" in found && found.command.endsWith("polyedit.exe"));
});

test("nothing found: an error that says how to install it", () => {
  const found = resolveServerCommand(lookup([]));
  assert.ok("error" in found);
  assert.match(found.error, /not found/);
  assert.match(found.error, /polyedit\.server\.command/);
});
