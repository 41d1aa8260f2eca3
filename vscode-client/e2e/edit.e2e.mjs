// End-to-end in a real VS Code (code-server in headless Chromium), as a user: the caller
// (tests/editors/test_vscode.py) starts code-server with the built extension and checks the files on disk.
// Usage: node e2e/edit.e2e.mjs SCENARIO URL FILE_TO_OPEN INSTRUCTION OUT_DIR
//   edit:   status bar ready, Search Codebase…, open a file, Multi-file Edit…, Apply on the Refactor Preview's
//           defaults (its rows and check states are reported), Show Last Run, Reindex Workspace
//   risky:  the same with a deletion and a control file in the plan: Apply on the preview's defaults
//   key:    an edit without an API key fails with the fix; Set Anthropic API Key; the same edit then succeeds
//   cancel: Cancel in the progress notification while the model works; nothing changes
//   missing: polyedit.server.command names no executable: an error that says the fix, the status bar shows it
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";

const [scenario, url, fileToOpen, instruction, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node e2e/edit.e2e.mjs edit|risky|key|cancel|missing URL FILE_TO_OPEN INSTRUCTION OUT_DIR");
  process.exit(2);
}
const STEP_MS = 120_000;
const log = (message) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(STEP_MS);
const result = { scenario };

async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

async function answerInputBox(prompt, text) {
  await page.locator(".quick-input-widget", { hasText: prompt }).waitFor();
  await page.locator(".quick-input-widget input").fill(text);
  await page.keyboard.press("Enter");
}

/** The text of the newest notification matching `pattern`, once it shows; it is then closed. */
async function notification(pattern) {
  const toast = page.locator(".notification-toast", { hasText: pattern }).last();
  await toast.waitFor();
  const text = (await toast.locator(".notification-list-item-message").innerText()).trim();
  log(`notification: ${text}`);
  await page.keyboard.press("Escape");
  return text;
}

async function waitIndexReady() {
  const status = page.locator(".statusbar-item", { hasText: "PolyEdit" });
  await status.locator(".codicon-check").waitFor();
  log(`status bar: ${await status.getAttribute("aria-label")}`);
  return true;
}

async function openFile() {
  const name = fileToOpen.split("/").pop();
  await runCommand("Go to File...");
  await page.locator(".quick-input-widget input").fill(fileToOpen);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: name }).waitFor();
  log(`opened ${fileToOpen}`);
}

async function startEdit() {
  await runCommand("PolyEdit: Multi-file Edit…");
  await answerInputBox("What should change?", instruction);
  log("instruction sent");
}

/** The Refactor Preview as it first shows: each row's label and, where it has one, its checkbox state. Then Apply
 * on the defaults, as a user who trusts them would. */
async function applyPreviewDefaults() {
  const apply = page.locator(".part.panel .monaco-button", { hasText: /^Apply$/ }).first();
  await apply.waitFor();
  const rows = page.locator(".part.panel .monaco-list-row");
  await rows.first().waitFor();
  await page.screenshot({ path: `${outDir}/preview.png` });
  const preview = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const box = row.locator("input[type=checkbox]");
    const name = row.locator(".label-name");
    preview.push({
      level: Number(await row.getAttribute("aria-level")),
      label: ((await name.count()) ? await name.first().innerText() : await row.innerText()).replace(/\s+/g, " ").trim(),
      checked: (await box.count()) ? await box.first().isChecked() : null,
    });
  }
  log(`refactor preview: ${JSON.stringify(preview)}; applying the defaults`);
  await apply.click();
  return preview;
}

async function showLastRun() {
  await runCommand("PolyEdit: Show Last Run");
  const view = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  result.lastRunTitle = (await view.locator("h1").first().innerText()).trim();
  result.lastRunPhases = await view.locator("table tbody tr td:first-child").allInnerTexts();
  log(`last run: ${result.lastRunTitle}; phases ${result.lastRunPhases.join(", ")}`);
}

/** Search Codebase…: a query, the quick pick of results, the chosen one opens. */
async function search(query) {
  await runCommand("PolyEdit: Search Codebase…");
  await answerInputBox("Search for", query);
  const rows = page.locator(".quick-input-list .monaco-list-row");
  await rows.first().waitFor();
  result.searchFirst = (await rows.first().innerText()).replace(/\s+/g, " ").trim();
  await page.keyboard.press("Enter");
  const tab = page.locator(".tab.active");
  await tab.waitFor();
  result.searchOpened = (await tab.innerText()).trim();
  log(`search '${query}': first '${result.searchFirst}', opened ${result.searchOpened}`);
}

const scenarios = {
  async edit() {
    result.statusReady = await waitIndexReady();
    await search("count users");
    await openFile();
    await startEdit();
    result.preview = await applyPreviewDefaults();
    result.notification = await notification(/PolyEdit changed/);
    await showLastRun();
    await runCommand("PolyEdit: Reindex Workspace");
    result.reindexed = await notification(/re-indexed/);
  },
  async key() {
    result.statusReady = await waitIndexReady();
    await openFile();
    await startEdit();
    result.withoutKey = await notification(/PolyEdit changed nothing/);
    await runCommand("PolyEdit: Set Anthropic API Key");
    await answerInputBox("secret storage", "sk-ant-test");
    result.keySaved = await notification(/API key saved/);
    await waitIndexReady(); // the server restarted with the key
    await startEdit();
    result.preview = await applyPreviewDefaults();
    result.notification = await notification(/PolyEdit changed \d/);
  },
  async risky() {
    result.statusReady = await waitIndexReady();
    await openFile();
    await startEdit();
    result.preview = await applyPreviewDefaults();
    result.notification = await notification(/PolyEdit changed/);
    await showLastRun();
  },
  async missing() {
    result.notification = await notification(/polyedit.server.command/);
    const status = page.locator(".statusbar-item", { hasText: "PolyEdit" });
    await status.locator(".codicon-error").waitFor();
    result.statusError = true;
  },
  async cancel() {
    result.statusReady = await waitIndexReady();
    await openFile();
    await startEdit();
    const progress = page.locator(".notification-toast", { hasText: "PolyEdit" });
    await progress.locator(".monaco-button", { hasText: "Cancel" }).click();
    log("clicked Cancel");
    result.notification = await notification(/PolyEdit changed nothing/);
  },
};

try {
  await page.goto(url);
  await page.locator(".monaco-workbench").waitFor();
  log("workbench loaded");
  await scenarios[scenario]();
} catch (error) {
  result.error = String(error);
  log(`failed: ${error}`);
  await page.screenshot({ path: `${outDir}/failure.png` }).catch(() => {});
} finally {
  writeFileSync(`${outDir}/result.json`, JSON.stringify(result, null, 2));
  await browser.close();
}
process.exit(result.error ? 1 : 0);
