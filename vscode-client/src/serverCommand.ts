/** Where to find the `polyedit` executable: the setting, then the workspace's virtualenv, then PATH. Pure logic. */
import * as path from "node:path";

export type ServerCommand = { command: string; source: string } | { error: string };

export interface Lookup {
  configured: string;
  workspaceFolders: readonly string[];
  pathEnv: string;
  platform: NodeJS.Platform;
  isExecutable: (file: string) => boolean;
}

const INSTALL_HINT =
  "Install it with 'pip install polyedit' (or 'make install' in a polyedit checkout), " +
  "or set 'polyedit.server.command' to the path of the polyedit executable.";

export function resolveServerCommand(lookup: Lookup): ServerCommand {
  const windows = lookup.platform === "win32";
  const exe = windows ? "polyedit.exe" : "polyedit";
  const configured = lookup.configured.trim();
  if (configured) {
    if (lookup.isExecutable(configured)) {
      return { command: configured, source: "the polyedit.server.command setting" };
    }
    if (!configured.includes("/") && !configured.includes("\\")) {
      const found = searchPath(configured, lookup, windows);
      if (found) {
        return { command: found, source: "the polyedit.server.command setting (found on PATH)" };
      }
    }
    return { error: `polyedit.server.command is '${configured}', which is not an executable file. ${INSTALL_HINT}` };
  }
  for (const folder of lookup.workspaceFolders) {
    const candidate = path.join(folder, ".venv", windows ? "Scripts" : "bin", exe);
    if (lookup.isExecutable(candidate)) {
      return { command: candidate, source: "the workspace's .venv" };
    }
  }
  const onPath = searchPath(exe, lookup, windows);
  if (onPath) {
    return { command: onPath, source: "PATH" };
  }
  return { error: `The polyedit language server was not found (no .venv/bin/polyedit, nothing on PATH). ${INSTALL_HINT}` };
}

function searchPath(name: string, lookup: Lookup, windows: boolean): string | undefined {
  const separator = windows ? ";" : ":";
  for (const dir of lookup.pathEnv.split(separator)) {
    if (dir && lookup.isExecutable(path.join(dir, name))) {
      return path.join(dir, name);
    }
  }
  return undefined;
}
