/** What the user sees, as plain data: status bar text, the last run as Markdown, search picks, edit outcomes.
 * No `vscode` import, so every function here is unit tested with plain objects. */
import { missingKeyAdvice } from "./keys";

export interface IndexStatus {
  state: string; // starting | indexing | embedding | ready | error
  files: number;
  chunks: number;
  embedded: number;
  pending: number;
  message?: string;
  scanned?: number; // while indexing: files looked at, of scan_total
  scan_total?: number;
}

/** A status with no counts: before the server answers, or when it cannot run. */
export function statusOnly(state: string, message?: string): IndexStatus {
  return { state, files: 0, chunks: 0, embedded: 0, pending: 0, message };
}

export interface StatusBarView {
  text: string;
  tooltip: string;
  error: boolean;
}

export function statusBarView(status: IndexStatus): StatusBarView {
  const counts = `${status.files} files, ${status.chunks} chunks, ${status.embedded} embedded`;
  switch (status.state) {
    case "ready":
      return { text: "$(check) PolyEdit", tooltip: `PolyEdit index ready: ${counts}`, error: false };
    case "indexing": {
      const progress = status.scan_total ? `${status.scanned ?? 0}/${status.scan_total}` : `${status.files}`;
      return { text: `$(sync~spin) PolyEdit: indexing ${progress} files`, tooltip: counts, error: false };
    }
    case "embedding": {
      const total = status.embedded + status.pending;
      return {
        text: `$(sync~spin) PolyEdit: embedding ${status.embedded}/${total}`,
        tooltip: `Search works already (lexical); ${counts}`,
        error: false,
      };
    }
    case "error":
      return {
        text: "$(error) PolyEdit",
        tooltip: `PolyEdit index error: ${status.message ?? "see the PolyEdit output"}`,
        error: true,
      };
    default:
      return { text: "$(sync~spin) PolyEdit: starting", tooltip: "PolyEdit is opening the index", error: false };
  }
}

export interface Phase {
  phase: string;
  model: string | null;
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  cost_usd: number;
  seconds: number;
  detail: string;
}

export interface PlannedFile {
  path: string;
  action: string;
  intent: string;
}

export interface RunTrace {
  instruction: string;
  phases: Phase[];
  handoffs: { edit_plan?: { summary: string; files: PlannedFile[]; facts: string[] } };
  outcome: string;
  error: string | null;
  cost_usd: number;
}

/** The last run as a Markdown document: outcome, plan, files, then tokens, cost and time per phase. */
export function renderRun(trace: RunTrace | null): string {
  if (!trace) {
    return "# PolyEdit: no run yet\n\nRun **PolyEdit: Multi-file Edit…** first.\n";
  }
  const lines = [`# PolyEdit run: ${trace.outcome}`, "", `**Instruction:** ${trace.instruction}`, ""];
  if (trace.error) {
    lines.push(`**Stopped:** ${trace.error}`, "");
  }
  const plan = trace.handoffs.edit_plan;
  if (plan) {
    lines.push("## Plan", "", plan.summary, "");
    for (const file of plan.files) {
      lines.push(`- \`${file.path}\` (${file.action}): ${file.intent}`);
    }
    if (plan.facts.length) {
      lines.push("", "Facts shared by every file:", ...plan.facts.map((fact) => `- ${fact}`));
    }
    lines.push("");
  }
  lines.push(
    "## Phases",
    "",
    "| phase | model | input tok | cached | output tok | cost | time | detail |",
    "|---|---|---:|---:|---:|---:|---:|---|",
  );
  for (const p of trace.phases) {
    const cells = [
      p.phase,
      p.model ?? "(local)",
      String(p.input_tokens),
      String(p.cached_tokens),
      String(p.output_tokens),
      usd(p.cost_usd),
      `${p.seconds.toFixed(1)} s`,
      p.detail.replace(/\|/g, "\\|"),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const seconds = trace.phases.reduce((sum, p) => sum + p.seconds, 0);
  lines.push("", `**Total:** ${usd(trace.cost_usd)}, ${seconds.toFixed(1)} s`, "");
  return lines.join("\n");
}

export function usd(value: number): string {
  return `$${value.toFixed(4)}`;
}

export interface SearchResult {
  path: string;
  start_line: number; // 1-based
  end_line: number;
  symbol: string | null;
  score: number;
  text: string;
}

export interface SearchPick {
  label: string;
  description: string;
  detail: string;
  path: string;
  line: number; // 0-based, for a vscode.Position
}

export function searchPicks(results: SearchResult[]): SearchPick[] {
  return results.map((r) => ({
    label: r.symbol ? `$(symbol-function) ${r.symbol}` : `$(file-code) ${r.path}`,
    description: `${r.path}:${r.start_line}-${r.end_line}`,
    detail: firstCodeLine(r.text),
    path: r.path,
    line: Math.max(0, r.start_line - 1),
  }));
}

function firstCodeLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim().length > 0) ?? "";
  return line.trim().slice(0, 120);
}

export interface EditResult {
  applied: boolean;
  reason?: string;
  files?: string[];
  skipped?: string[]; // files the editor did not apply (e.g. unchecked in the refactor preview)
  kept?: string; // where the server kept an edit it could not deliver ('polyedit write' writes it)
  cost_usd?: number;
}

function names(files: string[]): string {
  return files.length <= 4 ? files.join(", ") : `${files.slice(0, 4).join(", ")} and ${files.length - 4} more`;
}

/** One sentence for the notification after an edit: what changed and what it cost, or why nothing changed. */
export function editOutcome(result: EditResult): { ok: boolean; partial: boolean; message: string } {
  const cost = result.cost_usd === undefined ? "" : ` (${usd(result.cost_usd)})`;
  if (result.applied) {
    const files = result.files ?? [];
    const skipped = result.skipped ?? [];
    if (skipped.length) {
      const planned = files.length + skipped.length;
      return {
        ok: true,
        partial: true,
        message:
          `PolyEdit changed ${files.length} of ${planned} planned files${cost}: ${names(files)}. ` +
          `The change is partial; left out: ${names(skipped)}`,
      };
    }
    const plural = files.length === 1 ? "" : "s";
    return { ok: true, partial: false, message: `PolyEdit changed ${files.length} file${plural}${cost}: ${names(files)}` };
  }
  let reason = result.reason ?? "unknown reason";
  reason = missingKeyAdvice(reason) ?? reason;
  const kept = result.kept ? `. The edit is kept: 'polyedit write ${result.kept}' writes it` : "";
  return { ok: false, partial: false, message: `PolyEdit changed nothing${cost}: ${reason}${kept}` };
}
