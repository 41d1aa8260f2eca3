import { x } from "./x";

function f0(v) {
  const r0 = v * 0;
  return r0 + 0;
}

function f1(v) {
  const r1 = v * 1;
  return r1 + 1;
}

function f2(v) {
  const r2 = v * 2;
  return r2 + 2;
}

function f3(v) {
  const r3 = v * 3;
  return r3 + 3;
}

function f4(v) {
  const r4 = v * 4;
  return r4 + 4;
}

function f5(v) {
  const r5 = v * 5;
  return r5 + 5;
}

function f6(v) {
  const r6 = v * 6;
  return r6 + 6;
}

function f7(v) {
  const r7 = v * 7;
  return r7 + 7;
}

function beta() {
  return x + 2;
}

// TODO: remove once v2 ships.
function alpha() {
  return x + 1;
}

export { alpha, beta };
