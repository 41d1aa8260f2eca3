import assert from "node:assert/strict";
import { test } from "node:test";
import { editOutcome, renderRun, type RunTrace, searchPicks, statusBarView, statusOnly } from "../src/present";

const counts = { files: 12, chunks: 40, embedded: 30, pending: 10 };

test("status bar: ready, indexing, embedding, error, starting", () => {
  assert.equal(statusBarView({ state: "ready", ...counts }).text, "$(check) PolyEdit");
  assert.match(statusBarView({ state: "ready", ...counts }).tooltip, /12 files, 40 chunks, 30 embedded/);
  assert.equal(statusBarView({ state: "indexing", ...counts }).text, "$(sync~spin) PolyEdit: indexing 12 files");
  const scanning = statusBarView({ state: "indexing", ...counts, scanned: 250, scan_total: 1054 });
  assert.equal(scanning.text, "$(sync~spin) PolyEdit: indexing 250/1054 files");
  assert.equal(statusBarView({ state: "embedding", ...counts }).text, "$(sync~spin) PolyEdit: embedding 30/40");
  const error = statusBarView({ state: "error", ...counts, message: "database is corrupt" });
  assert.equal(error.error, true);
  assert.match(error.tooltip, /database is corrupt/);
  assert.equal(statusBarView({ state: "starting", ...counts }).error, false);
  assert.match(statusBarView(statusOnly("error", "the server stopped")).tooltip, /the server stopped/);
});

const trace: RunTrace = {
  instruction: "rename fetch_user to load_user",
  phases: [
    { phase: "retrieve", model: null, input_tokens: 0, cached_tokens: 0, output_tokens: 0, cost_usd: 0, seconds: 0.04, detail: "3 snippets" },
    { phase: "plan", model: "claude-sonnet-5-5", input_tokens: 1200, cached_tokens: 800, output_tokens: 90, cost_usd: 0.0051, seconds: 2.5, detail: "a|b" },
  ],
  handoffs: {
    edit_plan: {
      summary: "Rename everywhere.",
      files: [{ path: "app/users.py", action: "modify", intent: "rename the def" }],
      facts: ["the function is now load_user"],
    },
  },
  outcome: "delivered",
  error: null,
  cost_usd: 0.0051,
};

test("last run: plan, files, facts and one table row per phase with tokens, cost and time", () => {
  const text = renderRun(trace);
  assert.match(text, /^# PolyEdit run: delivered/);
  assert.match(text, /- `app\/users.py` \(modify\): rename the def/);
  assert.match(text, /- the function is now load_user/);
  assert.match(text, /\| plan \| claude-sonnet-5-5 \| 1200 \| 800 \| 90 \| \$0\.0051 \| 2\.5 s \| a\\\|b \|/);
  assert.match(text, /\| retrieve \| \(local\) \|/);
  assert.match(text, /\*\*Total:\*\* \$0\.0051, 2\.5 s/);
});

test("last run: a failed run says why; no run yet says what to do", () => {
  const failed = renderRun({ ...trace, outcome: "failed", error: "budget: the run would exceed $0.01", handoffs: {} });
  assert.match(failed, /\*\*Stopped:\*\* budget: the run would exceed \$0\.01/);
  assert.doesNotMatch(failed, /## Plan/);
  assert.match(renderRun(null), /Multi-file Edit/);
});

test("search picks: symbol or path label, 0-based line, first non-empty line as detail", () => {
  const [withSymbol, withoutSymbol] = searchPicks([
    { path: "app/users.py", start_line: 4, end_line: 9, symbol: "fetch_user", score: 1, text: "\n\ndef fetch_user(uid):\n" },
    { path: "README.md", start_line: 1, end_line: 3, symbol: null, score: 0.5, text: "# Title" },
  ]);
  assert.equal(withSymbol.label, "$(symbol-function) fetch_user");
  assert.equal(withSymbol.description, "app/users.py:4-9");
  assert.equal(withSymbol.detail, "def fetch_user(uid):");
  assert.equal(withSymbol.line, 3);
  assert.equal(withoutSymbol.label, "$(file-code) README.md");
  assert.equal(withoutSymbol.line, 0);
});

test("edit outcome: files and cost when applied; the reason when not; the key command when no key", () => {
  assert.deepEqual(editOutcome({ applied: true, files: ["a.py", "b.py"], cost_usd: 0.0123 }), {
    ok: true,
    partial: false,
    message: "PolyEdit changed 2 files ($0.0123): a.py, b.py",
  });
  const many = editOutcome({ applied: true, files: ["1", "2", "3", "4", "5", "6"] });
  assert.match(many.message, /1, 2, 3, 4 and 2 more$/);
  const partial = editOutcome({ applied: true, files: ["a.py"], skipped: ["b.py", "c.py"], cost_usd: 0.01 });
  assert.deepEqual(partial, {
    ok: true,
    partial: true,
    message: "PolyEdit changed 1 of 3 planned files ($0.0100): a.py. The change is partial; left out: b.py, c.py",
  });
  const stale = editOutcome({ applied: false, reason: "app/x.py changed while the edit was prepared", cost_usd: 0 });
  assert.deepEqual(stale, { ok: false, partial: false, message: "PolyEdit changed nothing ($0.0000): app/x.py changed while the edit was prepared" });
  const declined = editOutcome({ applied: false, reason: "the editor did not apply the edit: declined", kept: "/c/runs/edit-1.json" });
  assert.equal(
    declined.message,
    "PolyEdit changed nothing: the editor did not apply the edit: declined. The edit is kept: 'polyedit write /c/runs/edit-1.json' writes it",
  );
  const noKey = editOutcome({ applied: false, reason: "plan: ANTHROPIC_API_KEY is not set: export ..." });
  assert.match(noKey.message, /run 'PolyEdit: Set Anthropic API Key'/);
  const noOpenAiKey = editOutcome({ applied: false, reason: "models: OPENAI_API_KEY is not set, and the openai …" });
  assert.match(noOpenAiKey.message, /no OpenAI API key: run 'PolyEdit: Set API Key…'/);
});
