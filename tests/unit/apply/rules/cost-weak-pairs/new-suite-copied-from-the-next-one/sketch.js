// ... existing code ...
    console.log(`z.enum: ${e.target}`);
});
const longEnumSuite = new benchmark.Suite("long z.enum");
const longEnumSchema = z.enum([
    "one",
    "two",
    "three",
    "four",
    "five",
]);
longEnumSuite
    .add("valid", () => {
    longEnumSchema.parse("five");
})
    .add("invalid", () => {
    try {
        longEnumSchema.parse("invalid");
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`long z.enum: ${e.target}`);
});
// ... existing code ...
