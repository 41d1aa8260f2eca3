/** API keys per provider: which variable the server reads for each, where the extension keeps them in secret
 * storage, and the advice for a missing one. Pure logic (no `vscode` import), unit-tested. */

export interface KeyedProvider {
  provider: string; // the spec prefix, e.g. "openai" in "openai:gpt-4.1"
  label: string;
  env: string; // the variable the server's provider reads
}

/** Hosted providers that need a key; local ones (Ollama, vLLM, llama.cpp, LM Studio) need none. */
export const KEYED_PROVIDERS: readonly KeyedProvider[] = [
  { provider: "anthropic", label: "Anthropic", env: "ANTHROPIC_API_KEY" },
  { provider: "openai", label: "OpenAI", env: "OPENAI_API_KEY" },
  { provider: "openrouter", label: "OpenRouter", env: "OPENROUTER_API_KEY" },
  { provider: "gemini", label: "Gemini", env: "GEMINI_API_KEY" },
];

/** The Anthropic key's name from before there were providers: kept, so a stored key keeps working. */
const LEGACY = { anthropic: "polyedit.anthropicApiKey" } as Record<string, string>;

export function secretName(provider: string): string {
  return LEGACY[provider] ?? `polyedit.apiKey.${provider}`;
}

/** The server's environment: the extension's own, plus every stored key under its provider's variable. A stored
 * key wins over the environment's, as the user set it here on purpose. */
export function serverEnv(
  base: Record<string, string | undefined>,
  stored: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const env = { ...base };
  for (const { provider, env: name } of KEYED_PROVIDERS) {
    const key = stored[provider];
    if (key) {
      env[name] = key;
    }
  }
  return env;
}

/** What to do about "<VAR> is not set" in a failed run's reason, or undefined when the reason is something else. */
export function missingKeyAdvice(reason: string): string | undefined {
  for (const { label, env, provider } of KEYED_PROVIDERS) {
    if (reason.includes(`${env} is not set`)) {
      const command = provider === "anthropic" ? "PolyEdit: Set Anthropic API Key" : "PolyEdit: Set API Key…";
      return `no ${label} API key: run '${command}'`;
    }
  }
  return undefined;
}
