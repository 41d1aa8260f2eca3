/** PolyEdit for VS Code: starts `polyedit serve`, adds the commands, the status bar item and the edit progress. */
import * as fs from "node:fs";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
} from "vscode-languageclient/node";
import {
  editOutcome,
  type EditResult,
  type IndexStatus,
  renderRun,
  type RunTrace,
  searchPicks,
  type SearchResult,
  statusBarView,
  statusOnly,
} from "./present";
import { KEYED_PROVIDERS, type KeyedProvider, secretName, serverEnv } from "./keys";
import { resolveServerCommand } from "./serverCommand";
import { serverKeys, userSettings } from "./settings";

const EDIT = "polyedit.edit";

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
let output: vscode.LogOutputChannel;
let context: vscode.ExtensionContext;

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  context = ctx;
  output = vscode.window.createOutputChannel("PolyEdit", { log: true });
  statusItem = vscode.window.createStatusBarItem("polyedit.status", vscode.StatusBarAlignment.Left, 0);
  statusItem.name = "PolyEdit";
  statusItem.command = "polyedit.showLastRun";
  ctx.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand("polyedit.multiFileEdit", () => multiFileEdit({})),
    vscode.commands.registerCommand("polyedit.searchCodebase", searchCodebase),
    vscode.commands.registerCommand("polyedit.reindexWorkspace", reindex),
    vscode.commands.registerCommand("polyedit.showLastRun", showLastRun),
    vscode.commands.registerCommand("polyedit.setApiKey", () => setApiKey(KEYED_PROVIDERS[0])),
    vscode.commands.registerCommand("polyedit.setProviderApiKey", pickProviderKey),
    vscode.commands.registerCommand("polyedit.restartServer", restart),
    vscode.workspace.registerTextDocumentContentProvider("polyedit-run", lastRunDocuments),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function start(): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const resolved = resolveServerCommand({
    configured: vscode.workspace.getConfiguration("polyedit").get<string>("server.command", ""),
    workspaceFolders: folders,
    pathEnv: process.env.PATH ?? "",
    platform: process.platform,
    isExecutable,
  });
  if ("error" in resolved) {
    showStatus(statusOnly("error", resolved.error));
    void vscode.window.showErrorMessage(resolved.error, "Open Settings").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "polyedit.server.command");
      }
    });
    return;
  }
  output.info(`starting ${resolved.command} serve (from ${resolved.source})`);
  const stored: Record<string, string | undefined> = {};
  for (const { provider } of KEYED_PROVIDERS) {
    stored[provider] = await context.secrets.get(secretName(provider));
  }
  // Keys are handed to the server process only, each under its provider's variable; never logged or in settings.
  const env: NodeJS.ProcessEnv = serverEnv(process.env, stored);
  const serverOptions: ServerOptions = { command: resolved.command, args: ["serve"], options: { env } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file" }],
    outputChannel: output,
    synchronize: { configurationSection: "polyedit" },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i): unknown => (item.section === "polyedit" ? polyeditSettings() : answers[i]));
        },
      },
      // Code actions run polyedit.edit through VS Code; route them through the same path as the command palette.
      executeCommand: (command, args, next) =>
        command === EDIT ? multiFileEdit((args[0] as EditArgs | undefined) ?? {}) : (next(command, args) as unknown),
    },
  };
  client = new LanguageClient("polyedit", "PolyEdit", serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped) {
      showStatus(statusOnly("error", "the server stopped"));
    }
  });
  showStatus(statusOnly("starting"));
  try {
    await client.start();
  } catch (error) {
    const message = `PolyEdit: the server did not start: ${String(error)}`;
    showStatus(statusOnly("error", message));
    void vscode.window.showErrorMessage(message);
    return;
  }
  client.onNotification("polyedit/indexStatusChanged", (status: IndexStatus) => showStatus(status));
  showStatus(await client.sendRequest<IndexStatus>("polyedit/indexStatus", {}));
}

function polyeditSettings(): Record<string, unknown> {
  const contributed = (context.extension.packageJSON as { contributes: { configuration: { properties: object } } })
    .contributes.configuration.properties;
  const config = vscode.workspace.getConfiguration("polyedit");
  return userSettings(serverKeys(contributed as Record<string, unknown>), (key) => config.inspect(key));
}

async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop().catch((error: unknown) => output.warn(`stopping the server: ${String(error)}`));
  await start();
}

function showStatus(status: IndexStatus): void {
  const view = statusBarView(status);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.error ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  statusItem.show();
}

function running(): LanguageClient | undefined {
  if (client?.isRunning()) {
    return client;
  }
  void vscode.window.showErrorMessage("PolyEdit: the server is not running (see the PolyEdit output).");
  return undefined;
}

interface EditArgs {
  instruction?: string;
  uri?: string;
}

async function multiFileEdit(args: EditArgs): Promise<EditResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const instruction =
    args.instruction ??
    (await vscode.window.showInputBox({
      title: "PolyEdit: Multi-file Edit",
      prompt: "What should change? The active file and selection go along as context.",
      placeHolder: "e.g. rename fetch_user to load_user everywhere",
      ignoreFocusOut: true,
    }));
  const lsp = running();
  if (!instruction?.trim() || !lsp) {
    return undefined;
  }
  const uri = args.uri ?? editor?.document.uri.toString();
  const range = editor && !editor.selection.isEmpty ? lsp.code2ProtocolConverter.asRange(editor.selection) : undefined;
  const progressToken = `polyedit-edit-${Date.now()}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "PolyEdit", cancellable: true },
    async (progress, cancel) => {
      progress.report({ message: "retrieving context…" });
      const listener = lsp.onProgress(WorkDoneProgress.type, progressToken, (value) => {
        if (value.kind === "report" && value.message) {
          progress.report({ message: value.message });
        }
      });
      const onCancel = cancel.onCancellationRequested(() => {
        void lsp.sendNotification(WorkDoneProgressCancelNotification.type, { token: progressToken });
      });
      try {
        const params = { command: EDIT, arguments: [{ instruction, uri, range, progressToken, quiet: true }] };
        return (await lsp.sendRequest(ExecuteCommandRequest.type, params)) as EditResult;
      } catch (error) {
        return { applied: false, reason: String(error instanceof Error ? error.message : error) };
      } finally {
        listener.dispose();
        onCancel.dispose();
      }
    },
  );
  const outcome = editOutcome(result);
  output.info(outcome.message);
  if (outcome.ok && vscode.workspace.getConfiguration("polyedit").get<boolean>("saveAfterEdit", true)) {
    await saveEditedDocuments(result.files ?? []);
  }
  const show = !outcome.ok
    ? vscode.window.showErrorMessage
    : outcome.partial
      ? vscode.window.showWarningMessage
      : vscode.window.showInformationMessage;
  void show(outcome.message, "Show Last Run").then((action) => (action ? showLastRun() : undefined));
  return result;
}

/** Edits to files that were not open land in background documents; save exactly those the run changed.
 * (workspace.saveAll() skips documents a WorkspaceEdit opened in the background.) */
async function saveEditedDocuments(files: string[]): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return;
  }
  const wanted = new Set(files.map((rel) => vscode.Uri.joinPath(folder.uri, rel).toString()));
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && wanted.has(doc.uri.toString())) {
      await doc.save();
    }
  }
}

async function searchCodebase(): Promise<void> {
  const lsp = running();
  const query = lsp && (await vscode.window.showInputBox({ title: "PolyEdit: Search Codebase", prompt: "Search for" }));
  if (!lsp || !query?.trim()) {
    return;
  }
  const results = await lsp.sendRequest<SearchResult[]>("polyedit/search", { query, k: 20 });
  const picks = searchPicks(results);
  if (!picks.length) {
    void vscode.window.showInformationMessage(`PolyEdit: nothing found for '${query}'.`);
    return;
  }
  const chosen = await vscode.window.showQuickPick(picks, { title: `PolyEdit: ${query}`, matchOnDescription: true });
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (chosen && folder) {
    const position = new vscode.Position(chosen.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, chosen.path), {
      selection: new vscode.Range(position, position),
    });
  }
}

async function reindex(): Promise<void> {
  const lsp = running();
  if (lsp) {
    const status = await lsp.sendRequest<IndexStatus>(ExecuteCommandRequest.method, { command: "polyedit.reindex" });
    showStatus(status);
    void vscode.window.showInformationMessage(`PolyEdit: re-indexed ${status.files} files (${status.chunks} chunks).`);
  }
}

let lastRunText = renderRun(null);
const lastRunChanged = new vscode.EventEmitter<vscode.Uri>();
const lastRunDocuments: vscode.TextDocumentContentProvider = {
  onDidChange: lastRunChanged.event,
  provideTextDocumentContent: () => lastRunText,
};

async function showLastRun(): Promise<void> {
  const lsp = running();
  if (!lsp) {
    return;
  }
  lastRunText = renderRun(await lsp.sendRequest<RunTrace | null>("polyedit/lastRun", {}));
  const uri = vscode.Uri.parse("polyedit-run:PolyEdit%20Last%20Run.md");
  lastRunChanged.fire(uri);
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}

async function pickProviderKey(): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    KEYED_PROVIDERS.map((p) => ({ label: p.label, description: p.env, provider: p })),
    { title: "PolyEdit: API key for which provider?", placeHolder: "Local models (Ollama, vLLM, …) need no key" },
  );
  if (picked) {
    await setApiKey(picked.provider);
  }
}

async function setApiKey(provider: KeyedProvider): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: `PolyEdit: ${provider.label} API Key`,
    prompt: `Stored in VS Code's secret storage and given to the PolyEdit server as ${provider.env}. Empty: remove it.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) {
    return;
  }
  if (key.trim()) {
    await context.secrets.store(secretName(provider.provider), key.trim());
  } else {
    await context.secrets.delete(secretName(provider.provider));
  }
  await restart();
  void vscode.window.showInformationMessage(key.trim() ? "PolyEdit: API key saved." : "PolyEdit: API key removed.");
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
