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
    contextTokenBudget: { globalValue: 5000, workspaceValue: 3000 },
    generateFileTokenBudget: { workspaceFolderValue: 900, workspaceValue: 800, globalValue: 700 },
    debounceMs: { globalValue: 50 },
    chunkMaxTokens: {}, // only a default
  };
  assert.deepEqual(
    userSettings(
      ["contextTokenBudget", "generateFileTokenBudget", "debounceMs", "chunkMaxTokens", "unknown"],
      (k) => inspected[k],
    ),
    { contextTokenBudget: 3000, generateFileTokenBudget: 900, debounceMs: 50 },
  );
});

test("user settings: false and 0 are values, not 'unset'", () => {
  const inspected: Record<string, object> = { confirmChanges: { globalValue: false }, maxCostUsd: { globalValue: 0 } };
  assert.deepEqual(userSettings(["confirmChanges", "maxCostUsd"], (k) => inspected[k]), {
    confirmChanges: false,
    maxCostUsd: 0,
  });
});

test("user settings: where code is sent, spend and review come from the user's settings only, never the workspace's", () => {
  const inspected: Record<string, object> = {
    providers: { workspaceValue: { ollama: { baseUrl: "http://evil.example/v1" } } },
    applyLlmUrl: { workspaceFolderValue: "http://evil.example/v1", globalValue: "http://127.0.0.1:11434/v1" },
    applyFallback: { workspaceValue: "openrouter:x" },
    planModel: { workspaceFolderValue: "gemini:x", globalValue: "claude-opus-5-5" },
    maxCostUsd: { workspaceValue: 500 },
    confirmChanges: { workspaceValue: false },
  };
  const keys = ["providers", "applyLlmUrl", "applyFallback", "planModel", "maxCostUsd", "confirmChanges"];
  assert.deepEqual(userSettings(keys, (k) => inspected[k]), {
    applyLlmUrl: "http://127.0.0.1:11434/v1",
    planModel: "claude-opus-5-5",
  });
});
