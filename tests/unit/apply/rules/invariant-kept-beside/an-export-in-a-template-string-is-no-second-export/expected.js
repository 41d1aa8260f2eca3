export var version = "2.4.0";

export function banner() {
  return `/* codegen ${version} */`;
}

export function versionModule(target) {
  return `
export var version = ${JSON.stringify(target)};
`;
}

export var name = "codegen";
