const request = require("supertest");
const { start } = require("../src/server");

let server;

beforeAll(async () => {
  server = await start();
});

describe("GET /health", () => {
  it("returns ok", async () => {
    await request(server).get("/health").expect(200);
  });
});

describe("GET /admin", () => {
  it("requires auth", async () => {
    await request(server).get("/admin").expect(401);
  });
});
