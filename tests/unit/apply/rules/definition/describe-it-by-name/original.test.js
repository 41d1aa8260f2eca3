import { total } from "./cart";

describe("cart", () => {
  it("sums", () => {
    expect(total([1, 2])).toBe(3);
  });

  it("is empty", () => {
    expect(total([])).toBe(0);
  });
});
