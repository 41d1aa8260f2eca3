// End-to-end in a real VS Code (code-server in headless Chromium): wait for the PolyEdit status bar to say the index
// is ready, open a file, run "PolyEdit: Multi-file Edit…" with an instruction, accept the refactor preview, and wait
// for PolyEdit's notification. The caller (tests/editors/test_vscode.py) checks the files on disk.
// Usage: node e2e/edit.e2e.mjs URL FILE_TO_OPEN INSTRUCTION OUT_DIR
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";

const [url, fileToOpen, instruction, outDir] = process.argv.slice(2);
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
const result = { statusReady: false, notification: "", preview: false };

async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

try {
  await page.goto(url);
  await page.locator(".monaco-workbench").waitFor();
  log("workbench loaded");

  const status = page.locator(".statusbar-item", { hasText: "PolyEdit" });
  await status.locator(".codicon-check").waitFor();
  result.statusReady = true;
  log(`status bar: index ready (${await status.getAttribute("aria-label")})`);

  await runCommand("Go to File...");
  await page.locator(".quick-input-widget input").fill(fileToOpen);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: fileToOpen.split("/").pop() }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: fileToOpen.split("/").pop() }).waitFor();
  log(`opened ${fileToOpen}`);

  await runCommand("PolyEdit: Multi-file Edit…");
  const box = page.locator(".quick-input-widget input");
  await page.locator(".quick-input-widget", { hasText: "What should change?" }).waitFor();
  await box.fill(instruction);
  await page.keyboard.press("Enter");
  log("instruction sent");

  // New and unmentioned files need confirmation: VS Code shows the Refactor Preview; accept it.
  const apply = page.locator(".part.panel .monaco-button", { hasText: /^Apply$/ }).first();
  const done = page.locator(".notification-toast", { hasText: /PolyEdit changed/ });
  const first = await Promise.race([
    apply.waitFor().then(() => "preview"),
    done.waitFor().then(() => "done"),
  ]);
  if (first === "preview") {
    result.preview = true;
    await page.waitForTimeout(500); // let the tree render before the screenshot
    await page.screenshot({ path: `${outDir}/preview.png` });
    // Edits that need confirmation start unchecked: the user ticks each file (which ticks its edits), then applies.
    const fileBoxes = page.locator('.part.panel .monaco-list-row[aria-level="1"] input[type=checkbox]');
    result.tickedInPreview = 0;
    for (let i = 0; i < (await fileBoxes.count()); i++) {
      if (!(await fileBoxes.nth(i).isChecked())) {
        await fileBoxes.nth(i).check();
        result.tickedInPreview += 1;
      }
    }
    log(`refactor preview: ticked ${result.tickedInPreview} files, applying`);
    await apply.click();
  }
  await done.waitFor();
  result.notification = (await done.locator(".notification-list-item-message").innerText()).trim();
  log(`notification: ${result.notification}`);

  await runCommand("PolyEdit: Show Last Run");
  const view = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  result.lastRunTitle = (await view.locator("h1").first().innerText()).trim();
  result.lastRunPhases = await view.locator("table tbody tr td:first-child").allInnerTexts();
  log(`last run: ${result.lastRunTitle}; phases ${result.lastRunPhases.join(", ")}`);
} catch (error) {
  result.error = String(error);
  log(`failed: ${error}`);
  await page.screenshot({ path: `${outDir}/failure.png` }).catch(() => {});
} finally {
  writeFileSync(`${outDir}/result.json`, JSON.stringify(result, null, 2));
  await browser.close();
}
process.exit(result.error ? 1 : 0);
