import assert from "node:assert/strict";
import { test } from "node:test";
import { KEYED_PROVIDERS, missingKeyAdvice, secretName, serverEnv } from "../src/keys";

test("each hosted provider has its own variable and secret; Anthropic keeps the secret it had", () => {
  assert.deepEqual(
    KEYED_PROVIDERS.map((p) => p.env),
    ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENROUTER_API_KEY", "GEMINI_API_KEY"],
  );
  assert.equal(secretName("anthropic"), "polyedit.anthropicApiKey");
  assert.equal(secretName("openai"), "polyedit.apiKey.openai");
  assert.equal(new Set(KEYED_PROVIDERS.map((p) => secretName(p.provider))).size, KEYED_PROVIDERS.length);
});

test("server env: every stored key under its provider's variable, over the environment's; others untouched", () => {
  const env = serverEnv(
    { PATH: "/bin", OPENAI_API_KEY: "from-env", GEMINI_API_KEY: "gem-env" },
    { anthropic: "sk-ant-stored", openai: "sk-stored", openrouter: undefined, gemini: "" },
  );
  assert.deepEqual(env, {
    PATH: "/bin",
    ANTHROPIC_API_KEY: "sk-ant-stored",
    OPENAI_API_KEY: "sk-stored",
    GEMINI_API_KEY: "gem-env",
  });
});

test("missing key advice names the provider and the command to run", () => {
  assert.equal(
    missingKeyAdvice("models: OPENROUTER_API_KEY is not set, and the openrouter provider needs it: export ..."),
    "no OpenRouter API key: run 'PolyEdit: Set API Key…'",
  );
  assert.equal(
    missingKeyAdvice("models: ANTHROPIC_API_KEY is not set, and the anthropic provider needs it"),
    "no Anthropic API key: run 'PolyEdit: Set Anthropic API Key'",
  );
  assert.equal(missingKeyAdvice("plan: the planner answered without a plan"), undefined);
});
