export const paramsOf = (pathname: string, route: string) => {
  const params: Record<string, string> = {};
  const parts = route.split("/");
  parts.forEach((part, index) => {
    if (part.startsWith(":")) {
      params[part.slice(1)] = decodeURIComponent(pathname.split("/")[index]);
    }
  });
  return params;
};
