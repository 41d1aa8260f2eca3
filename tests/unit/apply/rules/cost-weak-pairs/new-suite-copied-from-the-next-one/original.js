"use strict";
const benchmark = require("benchmark");

const enumSuite = new benchmark.Suite("z.enum");
enumSuite
    .add("valid", () => {
    enumSchema.parse("x");
})
    .add("invalid", () => {
    try {
        enumSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.enum: ${e.target}`);
});
const undefinedSuite = new benchmark.Suite("z.undefined");
undefinedSuite
    .add("valid", () => {
    undefinedSchema.parse("x");
})
    .add("invalid", () => {
    try {
        undefinedSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.undefined: ${e.target}`);
});
const literalSuite = new benchmark.Suite("z.literal");
literalSuite
    .add("valid", () => {
    literalSchema.parse("x");
})
    .add("invalid", () => {
    try {
        literalSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.literal: ${e.target}`);
});
const numberSuite = new benchmark.Suite("z.number");
numberSuite
    .add("valid", () => {
    numberSchema.parse("x");
})
    .add("invalid", () => {
    try {
        numberSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.number: ${e.target}`);
});
const stringSuite = new benchmark.Suite("z.string");
stringSuite
    .add("valid", () => {
    stringSchema.parse("x");
})
    .add("invalid", () => {
    try {
        stringSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.string: ${e.target}`);
});
const booleanSuite = new benchmark.Suite("z.boolean");
booleanSuite
    .add("valid", () => {
    booleanSchema.parse("x");
})
    .add("invalid", () => {
    try {
        booleanSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.boolean: ${e.target}`);
});
const bigintSuite = new benchmark.Suite("z.bigint");
bigintSuite
    .add("valid", () => {
    bigintSchema.parse("x");
})
    .add("invalid", () => {
    try {
        bigintSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.bigint: ${e.target}`);
});
const symbolSuite = new benchmark.Suite("z.symbol");
symbolSuite
    .add("valid", () => {
    symbolSchema.parse("x");
})
    .add("invalid", () => {
    try {
        symbolSchema.parse(1);
    }
    catch (e) { }
})
    .on("cycle", (e) => {
    console.log(`z.symbol: ${e.target}`);
});
exports.default = {
    suites: [
        enumSuite,
        undefinedSuite,
        literalSuite,
        numberSuite,
        stringSuite,
        booleanSuite,
        bigintSuite,
        symbolSuite,
    ],
};
