export var version = "2.4.0";

export function banner() {
  return `/* codegen ${version} */`;
}

export var name = "codegen";
