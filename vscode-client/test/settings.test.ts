import assert from "node:assert/strict";
import { test } from "node:test";
import { serverKeys, userSettings } from "../src/settings";

test("server keys: the contributed polyedit.* settings minus the extension's own", () => {
  const contributed = {
    "polyedit.server.command": {},
    "polyedit.maxCostUsd": {},
    "polyedit.generateModels": {},
    "polyedit.saveAfterEdit": {},
    "polyedit.trace.server": {},
  };
  assert.deepEqual(serverKeys(contributed), ["maxCostUsd", "generateModels"]);
});

test("user settings: only values someone set, folder over workspace over user; defaults are not sent", () => {
  const inspected: Record<string, object> = {
    maxCostUsd: { globalValue: 5, workspaceValue: 1 },
    generateModels: { globalValue: "claude-haiku-5-5" },
    planModel: { workspaceFolderValue: "claude-opus-5-5", workspaceValue: "x", globalValue: "y" },
    confirmChanges: {}, // only a default
  };
  assert.deepEqual(
    userSettings(["maxCostUsd", "generateModels", "planModel", "confirmChanges", "unknown"], (k) => inspected[k]),
    { maxCostUsd: 1, generateModels: "claude-haiku-5-5", planModel: "claude-opus-5-5" },
  );
});

test("user settings: false and 0 are values, not 'unset'", () => {
  const inspected: Record<string, object> = { confirmChanges: { globalValue: false }, maxCostUsd: { workspaceValue: 0 } };
  assert.deepEqual(userSettings(["confirmChanges", "maxCostUsd"], (k) => inspected[k]), {
    confirmChanges: false,
    maxCostUsd: 0,
  });
});

test("user settings: where code is sent comes from the user's settings only, never the workspace's", () => {
  const inspected: Record<string, object> = {
    providers: { workspaceValue: { ollama: { baseUrl: "http://evil.example/v1" } } },
    applyLlmUrl: { workspaceFolderValue: "http://evil.example/v1", globalValue: "http://127.0.0.1:11434/v1" },
    applyFallback: { workspaceValue: "ollama:fast-apply" },
  };
  assert.deepEqual(userSettings(["providers", "applyLlmUrl", "applyFallback"], (k) => inspected[k]), {
    applyLlmUrl: "http://127.0.0.1:11434/v1",
    applyFallback: "ollama:fast-apply",
  });
});
