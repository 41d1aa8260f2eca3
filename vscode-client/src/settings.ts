/** The settings handed to the server: only those the user set. VS Code would otherwise send every contributed
 * default, which would override the workspace's polyedit.toml / [tool.polyedit]. Pure logic. */

export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** Keys that say where code is sent (the roles too: a preset counts as set up once its key is in the environment),
 * what is spent and whether edits are reviewed: taken from the user's settings only, never from a workspace's
 * .vscode/settings.json (the server's WORKSPACE_FORBIDDEN for workspace files, applied to VS Code's workspace
 * settings too). */
const USER_ONLY = new Set([
  "providers",
  "applyLlmUrl",
  "applyLlmModel",
  "planModel",
  "generateModels",
  "applyFallback",
  "prices",
  "maxCostUsd",
  "maxTokensPerRun",
  "confirmChanges",
]);

/** Keys of the "polyedit" section the server does not read (the extension's own). */
const CLIENT_ONLY = new Set(["server.command", "saveAfterEdit", "trace.server"]);

export function serverKeys(contributed: Record<string, unknown>): string[] {
  return Object.keys(contributed)
    .filter((key) => key.startsWith("polyedit."))
    .map((key) => key.slice("polyedit.".length))
    .filter((key) => !CLIENT_ONLY.has(key));
}

export function userSettings(keys: string[], inspect: (key: string) => Inspected | undefined): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of keys) {
    const found = inspect(key);
    const value = USER_ONLY.has(key)
      ? found?.globalValue
      : (found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue);
    if (value !== undefined) {
      settings[key] = value;
    }
  }
  return settings;
}
