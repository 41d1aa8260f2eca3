describe("user", () => {
  it("builds", () => {
    const u = makeUser();
    expect(u.name).toBe("bob");
    expect(u.age).toBe(3);

    cleanup();
  });
});
