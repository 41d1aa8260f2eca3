// ... existing code ...

describe("GET /admin", () => {
  let server;

  beforeAll(async () => {
    server = await start({ auth: true });
  });

  it("requires auth", async () => {
    await request(server).get("/admin").expect(401);
  });
});
