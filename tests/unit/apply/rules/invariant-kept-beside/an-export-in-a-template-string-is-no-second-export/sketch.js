// ... existing code ...
}

export function versionModule(target) {
  return `
export var version = ${JSON.stringify(target)};
`;
}

export var name = "codegen";
